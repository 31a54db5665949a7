import {
  accountAdminsStreamId,
  roleAssignmentsStreamId,
  type UserCreated,
  userStreamId,
} from '@gatehouse/contracts';
import { InMemoryEventStore, NO_STREAM, START, StateCache } from '@gatehouse/event-store';
import { Grants } from '@gatehouse/identity';
import { newTestEvent, TRACEPARENT } from '@gatehouse/testing';
import { InitialRolesReaction } from './initial-roles.reaction';
import { RoleCommands } from './role-commands';

const created = (userId: string, roles?: string[]): UserCreated => ({
  type: 'UserCreated',
  data: {
    userId,
    accountId: 'a1',
    firstName: 'Ada',
    lastName: 'Lovelace',
    email: `${userId}@example.com`,
    username: userId,
    mobile: null,
    language: 'en',
    timeZone: 'UTC',
    ...(roles ? { roles } : {}),
  },
});
const stored = (event: UserCreated) => newTestEvent({ type: event.type, accountId: 'a1', data: event.data });

function reactionOver(store: InMemoryEventStore) {
  const states = new StateCache(store);
  const grants = new Grants(states);
  return {
    grants,
    reaction: new InitialRolesReaction(store, grants, new RoleCommands(store, states, grants)),
  };
}

/** Runs the reaction until its tail read the last event stored now, then stops it (which saves its place). */
async function runUntilCaughtUp(store: InMemoryEventStore): Promise<Grants> {
  const { grants, reaction } = reactionOver(store);
  const [last] = (await store.readAll({ after: START, maxCount: 1_000_000 })).slice(-1);
  const read = store.readAll.bind(store);
  let readLast = false;
  store.readAll = async (options) => {
    const batch = await read(options);
    readLast ||= batch.some((event) => event.checkpoint === last.checkpoint);
    return batch;
  };
  await reaction.onApplicationBootstrap();
  while (!readLast) await new Promise((resolve) => setTimeout(resolve, 5));
  await reaction.onApplicationShutdown();
  store.readAll = read;
  expect(await store.loadCheckpoint('reaction:initial-roles')).not.toBe(START);
  return grants;
}

describe("the grant of a new user's roles, as a reaction to UserCreated", () => {
  it("grants the roles asked for, and adds an Account admin to the account's admins", async () => {
    const store = new InMemoryEventStore();
    await store.append(userStreamId('u1'), [stored(created('u1', ['support']))], NO_STREAM);
    await store.append(userStreamId('u2'), [stored(created('u2', ['account-admin', 'analyst']))], NO_STREAM);
    const grants = await runUntilCaughtUp(store);
    expect((await grants.rolesOf('u1')).roles).toEqual(new Set(['support']));
    expect((await grants.rolesOf('u2')).roles).toEqual(new Set(['account-admin', 'analyst']));
    const admins = await store.readStream(accountAdminsStreamId('a1'));
    expect(admins.map((event) => [event.type, event.data])).toEqual([
      ['AccountAdminAdded', { userId: 'u2' }],
    ]);
    const [grant] = await store.readStream(roleAssignmentsStreamId('u1'));
    expect(grant.causationId).toBe((await store.readStream(userStreamId('u1')))[0].eventId);
  });

  it('carries the creating request on: its correlation id and trace context', async () => {
    const store = new InMemoryEventStore();
    const event = { ...stored(created('u1', ['support'])), correlationId: 'req-1', traceparent: TRACEPARENT };
    await store.append(userStreamId('u1'), [event], NO_STREAM);
    await runUntilCaughtUp(store);
    const [grant] = await store.readStream(roleAssignmentsStreamId('u1'));
    expect(grant).toMatchObject({ correlationId: 'req-1', traceparent: TRACEPARENT });
  });

  it('passes over users created without roles, and those from before roles were a context', async () => {
    const store = new InMemoryEventStore();
    await store.append(userStreamId('u1'), [stored(created('u1', []))], NO_STREAM);
    await store.append(userStreamId('u2'), [stored(created('u2'))], NO_STREAM);
    await runUntilCaughtUp(store);
    const events = await store.readAll({ after: START, maxCount: 100 });
    expect(events.map((event) => event.streamId)).toEqual([userStreamId('u1'), userStreamId('u2')]);
  });

  it('appends nothing when it runs the same events again (a crash before its checkpoint was saved)', async () => {
    const store = new InMemoryEventStore();
    await store.append(userStreamId('u1'), [stored(created('u1', ['account-admin']))], NO_STREAM);
    await runUntilCaughtUp(store);
    await store.saveCheckpoint('reaction:initial-roles', START);
    await runUntilCaughtUp(store);
    expect(await store.readStream(roleAssignmentsStreamId('u1'))).toHaveLength(1);
    expect(await store.readStream(accountAdminsStreamId('a1'))).toHaveLength(1);
  });

  it('leaves alone a user whose roles were changed before it ran', async () => {
    const store = new InMemoryEventStore();
    await store.append(userStreamId('u1'), [stored(created('u1', ['support']))], NO_STREAM);
    const toggled = { type: 'RoleToggled', data: { userId: 'u1', roleId: 'analyst', enabled: true } };
    await store.append(
      roleAssignmentsStreamId('u1'),
      [newTestEvent({ ...toggled, accountId: 'a1' })],
      NO_STREAM,
    );
    const grants = await runUntilCaughtUp(store);
    expect((await grants.rolesOf('u1')).roles).toEqual(new Set(['analyst']));
  });
});

import type { NewEvent } from '@gatehouse/contracts';
import {
  type CommandContext,
  EventStore,
  type ExpectedVersion,
  InMemoryEventStore,
  StateCache,
} from '@gatehouse/event-store';
import { defaultAccountSettings, userStreamId } from '@gatehouse/users-domain';
import { Grants } from '@gatehouse/identity';
import { UserCommands } from '../user-commands';

/**
 * One store seen through several handles: each handle is its own "process" (commands queue per handle),
 * so parallel attempts really race on the stream's version, as they would across service instances.
 */
class Handle extends EventStore {
  constructor(private readonly shared: InMemoryEventStore) {
    super();
  }
  append(streamId: string, events: readonly NewEvent[], expected: ExpectedVersion) {
    return this.shared.append(streamId, events, expected);
  }
  appendMulti(...args: Parameters<EventStore['appendMulti']>) {
    return this.shared.appendMulti(...args);
  }
  readStream(...args: Parameters<EventStore['readStream']>) {
    return this.shared.readStream(...args);
  }
  readAll(...args: Parameters<EventStore['readAll']>) {
    return this.shared.readAll(...args);
  }
  loadSnapshot(...args: Parameters<EventStore['loadSnapshot']>) {
    return this.shared.loadSnapshot(...args);
  }
  saveSnapshot(...args: Parameters<EventStore['saveSnapshot']>) {
    return this.shared.saveSnapshot(...args);
  }
  loadCheckpoint(name: string) {
    return this.shared.loadCheckpoint(name);
  }
  saveCheckpoint(name: string, checkpoint: string) {
    return this.shared.saveCheckpoint(name, checkpoint);
  }
  close() {
    return this.shared.close();
  }
}

const userId = '0190a000-0000-7000-8000-000000000001';
const context = (): CommandContext => ({
  accountId: 'a1',
  actor: userId,
  correlationId: 'c',
  causationId: null,
  now: new Date('2025-01-01T12:00:00.000Z'),
});

describe('when wrong passwords race from several instances', () => {
  it('records every failure and locks on the one that reaches the limit, not later', async () => {
    const shared = new InMemoryEventStore();
    const instances = [0, 1, 2, 3, 4].map(() => {
      const store = new Handle(shared);
      const states = new StateCache(store);
      return new UserCommands(store, states, new Grants(states));
    });
    const profile = {
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@example.com',
      username: 'ada',
      mobile: null,
      language: 'en' as const,
      timeZone: 'UTC',
    };
    await instances[0].run(
      userId,
      { type: 'CreateUser', userId, accountId: 'a1', profile, roles: [], knownRoles: new Set() },
      context(),
    );
    const attempt = {
      type: 'RecordLoginAttempt' as const,
      sessionId: 's',
      ip: '203.0.113.7',
      channel: 'password' as const,
      at: '2025-01-01T12:00:00.000Z',
      passwordMatches: false,
      lockout: defaultAccountSettings.lockout,
    };
    await Promise.all(
      [...instances, ...instances].map((instance) => instance.run(userId, attempt, context())),
    );
    const types = (await shared.readStream(userStreamId(userId))).map((event) => event.type);
    expect(types.filter((type) => type === 'UserLoginFailed')).toHaveLength(10);
    expect(types.indexOf('UserLocked')).toBe(1 + 5);
    expect(types.filter((type) => type === 'UserLocked')).toHaveLength(1);
  });
});

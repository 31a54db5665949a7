import type { NewEvent } from '@gatehouse/contracts';
import { NO_STREAM } from './event-store.port';
import { InMemoryEventStore } from './in-memory-event-store';
import { NotOwnedStream, ownedStreams } from './owned-streams';

const event = (): NewEvent => ({
  eventId: crypto.randomUUID(),
  type: 'Checked',
  schemaVersion: 1,
  accountId: 'a1',
  occurredAt: new Date(0).toISOString(),
  actor: 'test',
  correlationId: 'c',
  causationId: null,
  data: {},
});

describe('a store restricted to the streams a service owns', () => {
  it('appends to its own streams and reads every stream', async () => {
    const shared = new InMemoryEventStore();
    await shared.append('invite-1', [event()], NO_STREAM);
    const users = ownedStreams(shared, ['user-', 'role-']);
    await users.append('user-1', [event()], NO_STREAM);
    await users.appendMulti([
      { streamId: 'role-assignments-1', events: [event()], expectedVersion: NO_STREAM },
    ]);
    expect(await users.readStream('invite-1')).toHaveLength(1);
  });

  it("refuses an append to another context's stream, writing nothing", async () => {
    const shared = new InMemoryEventStore();
    const users = ownedStreams(shared, ['user-']);
    await expect(users.append('invite-1', [event()], NO_STREAM)).rejects.toThrow(NotOwnedStream);
    await expect(
      users.appendMulti([
        { streamId: 'user-1', events: [event()], expectedVersion: NO_STREAM },
        { streamId: 'access-1', events: [event()], expectedVersion: NO_STREAM },
      ]),
    ).rejects.toThrow(NotOwnedStream);
    expect(await shared.readStream('user-1')).toEqual([]);
  });

  it('lets a read-only service append nothing', async () => {
    const readOnly = ownedStreams(new InMemoryEventStore(), []);
    await expect(readOnly.append('user-1', [event()], NO_STREAM)).rejects.toThrow(NotOwnedStream);
  });
});

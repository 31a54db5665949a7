import { InMemoryEventStore, NO_STREAM, START } from '@gatehouse/event-store';
import { UsernameReservations } from '@gatehouse/identity';
import { newTestEvent } from '@gatehouse/testing';
import { moveLegacyReservations } from './username-reservations.migration';

const reservations = new UsernameReservations({ reservationKey: 'k'.repeat(43) });
const reserved = (username: string, userId: string) =>
  newTestEvent({ type: 'UsernameReserved', data: { username, userId } });

describe('moving legacy reservations', () => {
  it('reserves each legacy username under its hashed id, once, and keeps it for the same user', async () => {
    const store = new InMemoryEventStore();
    await store.append('username-ada', [reserved('Ada', 'u1')], NO_STREAM);
    await store.append('username-bob', [reserved('bob', 'u2')], NO_STREAM);
    expect(await moveLegacyReservations(store, reservations)).toBe(2);
    const [moved] = await store.readStream(reservations.streamIdOf('ada'));
    expect(moved.data).toEqual({ username: 'Ada', userId: 'u1' });
    expect(moved.causationId).toBe((await store.readStream('username-ada'))[0].eventId);
    expect(await moveLegacyReservations(store, reservations)).toBe(0);
  });

  it('finishes a move that crashed midway without writing anything twice', async () => {
    const store = new InMemoryEventStore();
    await store.append('username-ada', [reserved('Ada', 'u1')], NO_STREAM);
    await moveLegacyReservations(store, reservations);
    await store.saveCheckpoint('migration:username-hmac', START);
    await store.append('username-bob', [reserved('bob', 'u2')], NO_STREAM);
    await moveLegacyReservations(store, reservations);
    // The repeated append of Ada's move has the same event id: the store takes it as a retry.
    expect(await store.readStream(reservations.streamIdOf('ada'))).toHaveLength(1);
    expect(await store.readStream(reservations.streamIdOf('bob'))).toHaveLength(1);
  });

  it('leaves a name taken since under the new layout to its new owner', async () => {
    const store = new InMemoryEventStore();
    await store.append('username-ada', [reserved('ada', 'u1')], NO_STREAM);
    await store.append(reservations.streamIdOf('ada'), [reserved('ada', 'u9')], NO_STREAM);
    expect(await moveLegacyReservations(store, reservations)).toBe(0);
    const events = await store.readStream(reservations.streamIdOf('ada'));
    expect(events.map((event) => event.data)).toEqual([{ username: 'ada', userId: 'u9' }]);
  });
});

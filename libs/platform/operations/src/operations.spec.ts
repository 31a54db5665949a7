import { InMemoryEventStore, NO_STREAM } from '@gatehouse/event-store';
import { newTestEvent } from '@gatehouse/testing';
import { Metrics } from './metrics';
import { meteredEventStore } from './metered';
import { readinessCheck, runReadiness } from './readiness';

describe('readiness', () => {
  it('is ready when every check passes, with their details', async () => {
    const report = await runReadiness([
      readinessCheck('store', async () => undefined),
      readinessCheck('bus', async () => ({ consumerLag: 3 })),
    ]);
    expect(report).toEqual({
      ready: true,
      checks: { store: { ok: true }, bus: { ok: true, details: { consumerLag: 3 } } },
    });
  });

  it('is not ready when a check fails or does not answer in time, naming it', async () => {
    jest.useFakeTimers();
    const report = runReadiness([
      readinessCheck('store', async () => undefined),
      readinessCheck('bus', () => new Promise(() => undefined)),
      readinessCheck('read-model', async () => {
        throw new Error('connection refused');
      }),
    ]);
    await jest.advanceTimersByTimeAsync(2000);
    expect(await report).toEqual({
      ready: false,
      checks: {
        store: { ok: true },
        bus: { ok: false, error: 'no answer within 2000 ms' },
        'read-model': { ok: false, error: 'connection refused' },
      },
    });
    jest.useRealTimers();
  });
});

describe('a metered event store', () => {
  it('counts the events of appends and multi-appends, and passes every other call through', async () => {
    const metrics = new Metrics('test');
    const store = meteredEventStore(new InMemoryEventStore(), metrics);
    await store.append('user-1', [newTestEvent(), newTestEvent()], NO_STREAM);
    await store.appendMulti([
      { streamId: 'user-2', events: [newTestEvent()], expectedVersion: NO_STREAM },
      { streamId: 'user-1', events: [], expectedVersion: 1 },
    ]);
    expect((await metrics.eventsAppended.get()).values[0].value).toBe(3);
    expect(await store.readStream('user-1')).toHaveLength(2);
    expect(store).toBeInstanceOf(InMemoryEventStore);
  });
});

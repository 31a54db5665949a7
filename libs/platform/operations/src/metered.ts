import type { NewEvent } from '@gatehouse/contracts';
import { type EventStore, type ExpectedVersion, type StreamAppend } from '@gatehouse/event-store';
import { type EmailMessage, MessageNotBuilt, type Notifier } from '@gatehouse/notifications';
import type { Metrics } from './metrics';

/**
 * Counts what a store appends, without a second implementation of the port: every other call goes to
 * the store as it is (a Proxy keeps the adapter's own class and methods). An exact retry that the store
 * answers from what it already holds counts again: the counter is of appends acknowledged.
 */
export function meteredEventStore<Store extends EventStore>(store: Store, metrics: Metrics): Store {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'append') {
        return async (streamId: string, events: readonly NewEvent[], expected: ExpectedVersion) => {
          const result = await target.append(streamId, events, expected);
          metrics.eventsAppended.inc(events.length);
          return result;
        };
      }
      if (property === 'appendMulti') {
        return async (appends: readonly StreamAppend[]) => {
          const results = await target.appendMulti(appends);
          metrics.eventsAppended.inc(appends.reduce((sum, append) => sum + append.events.length, 0));
          return results;
        };
      }
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * Counts messages sent, failed (the transport) and unbuildable (no recipient, a value Gatehouse should
 * have made is missing: retrying cannot help), passing the failure on to the caller.
 */
export function meteredNotifier<N extends Notifier>(notifier: N, metrics: Metrics): N {
  return new Proxy(notifier, {
    get(target, property, receiver) {
      if (property === 'send') {
        return async (message: EmailMessage) => {
          try {
            await target.send(message);
            metrics.notifications.inc({ outcome: 'sent' });
          } catch (error) {
            metrics.notifications.inc({
              outcome: error instanceof MessageNotBuilt ? 'unbuildable' : 'failed',
            });
            throw error;
          }
        };
      }
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

import { type EventStore, type StreamAppend } from './event-store.port';

export class NotOwnedStream extends Error {
  readonly code = 'NOT_OWNED_STREAM';
  constructor(readonly streamId: string) {
    super(`this service does not own stream ${streamId}: it may read it, never append to it`);
  }
}

/**
 * The store as one service may use it: every stream readable, appends only to streams whose id starts
 * with one of `owned` (its contexts' prefixes; none for a read-only service). Each service module binds
 * its store through this, so an append to another context's stream fails loudly instead of landing.
 */
export function ownedStreams<Store extends EventStore>(store: Store, owned: readonly string[]): Store {
  const check = (streamId: string): void => {
    if (!owned.some((prefix) => streamId.startsWith(prefix))) throw new NotOwnedStream(streamId);
  };
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'append') {
        return async (streamId: string, ...rest: [never, never]) => {
          check(streamId);
          return target.append(streamId, ...rest);
        };
      }
      if (property === 'appendMulti') {
        return async (appends: readonly StreamAppend[]) => {
          appends.forEach((append) => check(append.streamId));
          return target.appendMulti(appends);
        };
      }
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

import type { DomainEvent } from '@gatehouse/contracts';
import type { View } from '@gatehouse/domain-kit';
import type { EventStore } from './event-store.port';

/** What a state cache needs of a store: reading streams, never writing them. */
export type StreamReader = Pick<EventStore, 'readStream'>;

interface Entry {
  state: unknown;
  version: number;
}

/**
 * Folded stream states kept in memory and caught up on every read: a read asks the store only for events
 * after the cached version (usually none), so it is always current — never stale — yet cheap for long
 * streams. A stream folded by two views (a user's decider and the principal view of it) is kept once per
 * view, so they never evict each other. Bounded: least recently used entries are dropped.
 */
export class StateCache {
  private readonly entries = new Map<string, Entry>();
  private readonly viewIds = new WeakMap<object, number>();
  private views = 0;

  constructor(
    private readonly store: StreamReader,
    private readonly capacity = 10_000,
  ) {}

  async load<State, Event extends DomainEvent>(
    streamId: string,
    view: View<State, Event>,
  ): Promise<{ state: State; version: number }> {
    const key = `${this.viewId(view)}:${streamId}`;
    const entry: Entry = this.entries.get(key) ?? { state: view.initialState(), version: -1 };
    const newer = await this.store.readStream(streamId, { fromPosition: entry.version + 1 });
    for (const event of newer) entry.state = view.evolve(entry.state as State, event as unknown as Event);
    if (newer.length > 0) entry.version = newer[newer.length - 1].streamPosition;
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    return { state: entry.state as State, version: entry.version };
  }

  private viewId(view: object): number {
    let id = this.viewIds.get(view);
    if (id === undefined) this.viewIds.set(view, (id = this.views++));
    return id;
  }
}

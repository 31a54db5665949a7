import type { DomainEvent, StoredEvent } from '@gatehouse/contracts';
import type { View } from '@gatehouse/domain-kit';
import type { EventStore } from './event-store.port';

/** What a state cache needs of a store: reading streams, never writing them. */
export type StreamReader = Pick<EventStore, 'readStreams'>;

interface Entry {
  state: unknown;
  version: number;
}

interface Waiting {
  readonly key: string;
  readonly streamId: string;
  readonly view: View<unknown, DomainEvent>;
  readonly resolve: (loaded: { state: unknown; version: number }) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Folded stream states kept in memory and caught up on every read: a read asks the store only for events
 * after the cached version (usually none), so it is always current — never stale — yet cheap for long
 * streams. A stream folded by two views (a user's decider and the principal view of it) is kept once per
 * view, so they never evict each other. Bounded: least recently used entries are dropped.
 *
 * Loads asked for in one turn of the event loop (the streams one request needs, and those of every other
 * request that arrived with it) are caught up together by one `readStreams`: one round trip, not one per
 * stream. Each load is still answered by a read that starts after it was asked, so nothing stored before
 * the ask is missed (a revoked role is revoked for the very next request).
 */
export class StateCache {
  private readonly entries = new Map<string, Entry>();
  private readonly viewIds = new WeakMap<object, number>();
  private views = 0;
  private waiting: Waiting[] = [];

  constructor(
    private readonly store: StreamReader,
    private readonly capacity = 10_000,
  ) {}

  load<State, Event extends DomainEvent>(
    streamId: string,
    view: View<State, Event>,
  ): Promise<{ state: State; version: number }> {
    return new Promise((resolve, reject) => {
      if (this.waiting.length === 0) setImmediate(() => void this.catchUp(this.waiting.splice(0)));
      this.waiting.push({
        key: this.key(streamId, view),
        streamId,
        view: view as unknown as View<unknown, DomainEvent>,
        resolve: resolve as Waiting['resolve'],
        reject,
      });
    });
  }

  /** The state as last caught up, without asking the store: only for facts a stream never changes. */
  cached<State, Event extends DomainEvent>(streamId: string, view: View<State, Event>): State | undefined {
    return this.entries.get(this.key(streamId, view))?.state as State | undefined;
  }

  /** One read per stream, from the earliest position any of its views lacks. */
  private async catchUp(batch: readonly Waiting[]): Promise<void> {
    // Entries are held from here on: one evicted during the read is caught up and put back, not refolded.
    const held = new Map(batch.map(({ key, view }) => [key, this.entries.get(key) ?? this.fresh(view)]));
    const from = new Map<string, number>();
    for (const { key, streamId } of batch) {
      const next = (held.get(key) as Entry).version + 1;
      from.set(streamId, Math.min(from.get(streamId) ?? next, next));
    }
    const reads = [...from].map(([streamId, fromPosition]) => ({ streamId, fromPosition }));
    let read: StoredEvent[][];
    try {
      read = await this.store.readStreams(reads);
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
      return;
    }
    const newer = new Map(reads.map(({ streamId }, index) => [streamId, read[index]]));
    for (const waiting of batch) {
      try {
        const entry = held.get(waiting.key) as Entry;
        this.evolve(entry, waiting.view, newer.get(waiting.streamId) ?? []);
        this.touch(waiting.key, entry);
        waiting.resolve({ state: entry.state, version: entry.version });
      } catch (error) {
        waiting.reject(error);
      }
    }
  }

  /** Events at or below the entry's version are skipped: another load of the stream got there first. */
  private evolve(entry: Entry, view: View<unknown, DomainEvent>, events: readonly StoredEvent[]): void {
    for (const event of events) {
      if (event.streamPosition <= entry.version) continue;
      entry.state = view.evolve(entry.state, event as unknown as DomainEvent);
      entry.version = event.streamPosition;
    }
  }

  private touch(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }

  private fresh(view: View<unknown, DomainEvent>): Entry {
    return { state: view.initialState(), version: -1 };
  }

  private key(streamId: string, view: object): string {
    let id = this.viewIds.get(view);
    if (id === undefined) this.viewIds.set(view, (id = this.views++));
    return `${id}:${streamId}`;
  }
}

import type { DomainEvent, StoredEvent } from '@gatehouse/contracts';
import type { View } from '@gatehouse/domain-kit';
import { LRUCache } from 'lru-cache';
import type { EventStore } from './event-store.port';
import { decodeState, encodeState } from './snapshot-codec';

/** What a state cache needs of a store: reading streams and their snapshots, never appending. */
export type StreamReader = Pick<EventStore, 'readStreams' | 'loadSnapshot' | 'saveSnapshot'>;

interface Entry {
  state: unknown;
  version: number;
  /** The version of the newest snapshot known to be saved; -1 when none is. */
  snapshotted: number;
}

/**
 * Events folded beyond the last snapshot before a view that takes snapshots saves a new one: a fresh
 * process then folds at most this many of a stream, however long its history (a user's logins).
 */
export const SNAPSHOT_EVERY = 500;

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
 * view, so they never evict each other. Bounded: least recently used entries are dropped. A view that
 * names its snapshots starts a stream it does not hold from the newest snapshot rather than from the first
 * event; snapshots are derived data, so one that cannot be read or saved costs only a longer fold.
 *
 * Loads asked for in one turn of the event loop (the streams one request needs, and those of every other
 * request that arrived with it) are caught up together by one `readStreams`: one round trip, not one per
 * stream. Each load is still answered by a read that starts after it was asked, so nothing stored before
 * the ask is missed (a revoked role is revoked for the very next request).
 */
export class StateCache {
  // Not a Map reordered by delete-and-set: evicting its oldest key walks every deleted slot before it,
  // which was 5% of the embedded get_user profile once full (6 µs a touch, lru-cache's 0.5 µs).
  private readonly entries: LRUCache<string, Entry>;
  private readonly viewIds = new WeakMap<object, number>();
  private views = 0;
  private waiting: Waiting[] = [];

  constructor(
    private readonly store: StreamReader,
    capacity = 10_000,
  ) {
    this.entries = new LRUCache({ max: capacity });
  }

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
    return this.entries.peek(this.key(streamId, view))?.state as State | undefined;
  }

  /** One read per stream, from the earliest position any of its views lacks. */
  private async catchUp(batch: readonly Waiting[]): Promise<void> {
    // Entries are held from here on: one evicted during the read is caught up and put back, not refolded.
    const held = await this.held(batch);
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
        this.entries.set(waiting.key, entry);
        if (waiting.view.snapshot && entry.version - entry.snapshotted >= SNAPSHOT_EVERY) {
          await this.save(waiting.streamId, waiting.view.snapshot, entry);
        }
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

  /** The batch's entries: cached, else restored from a snapshot where the view takes them, else fresh. */
  private async held(batch: readonly Waiting[]): Promise<Map<string, Entry>> {
    const held = new Map<string, Entry>();
    await Promise.all(
      batch.map(async ({ key, streamId, view }) => {
        if (held.has(key)) return;
        const cached = this.entries.peek(key);
        held.set(key, cached ?? { state: view.initialState(), version: -1, snapshotted: -1 });
        if (cached || !view.snapshot) return;
        const saved = await this.store.loadSnapshot(streamId, view.snapshot).catch(() => null);
        if (saved)
          held.set(key, {
            state: decodeState(saved.state),
            version: saved.version,
            snapshotted: saved.version,
          });
      }),
    );
    return held;
  }

  private async save(streamId: string, name: string, entry: Entry): Promise<void> {
    const { version } = entry;
    try {
      await this.store.saveSnapshot(streamId, name, { version, state: encodeState(entry.state) });
      entry.snapshotted = version;
    } catch {
      // A snapshot is an optimisation: the read it follows has its answer, the next load tries again.
    }
  }

  private key(streamId: string, view: object): string {
    let id = this.viewIds.get(view);
    if (id === undefined) this.viewIds.set(view, (id = this.views++));
    return `${id}:${streamId}`;
  }
}

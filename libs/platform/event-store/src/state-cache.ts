import type { DomainEvent } from '@gatehouse/contracts';
import type { View } from '@gatehouse/domain-kit';
import type { EventStore } from './event-store.port';
import { decodeState, encodeState } from './snapshot-codec';

/** What a state cache needs of a store: reading streams and their snapshots, never appending. */
export type StreamReader = Pick<EventStore, 'readStream' | 'loadSnapshot' | 'saveSnapshot'>;

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

/**
 * Folded stream states kept in memory and caught up on every read: a read asks the store only for events
 * after the cached version (usually none), so it is always current — never stale — yet cheap for long
 * streams. A stream folded by two views (a user's decider and the principal view of it) is kept once per
 * view, so they never evict each other. Bounded: least recently used entries are dropped. A view that
 * names its snapshots starts an uncached stream from the newest snapshot rather than from the first event;
 * snapshots are derived data, so one that cannot be saved costs only a longer fold later.
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
    const entry = this.entries.get(key) ?? (await this.restore(streamId, view));
    const newer = await this.store.readStream(streamId, { fromPosition: entry.version + 1 });
    for (const event of newer) entry.state = view.evolve(entry.state as State, event as unknown as Event);
    if (newer.length > 0) entry.version = newer[newer.length - 1].streamPosition;
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    if (view.snapshot && entry.version - entry.snapshotted >= SNAPSHOT_EVERY) {
      await this.save(streamId, view.snapshot, entry);
    }
    return { state: entry.state as State, version: entry.version };
  }

  private async restore<State, Event extends DomainEvent>(
    streamId: string,
    view: View<State, Event>,
  ): Promise<Entry> {
    const saved = view.snapshot ? await this.store.loadSnapshot(streamId, view.snapshot) : null;
    if (!saved) return { state: view.initialState(), version: -1, snapshotted: -1 };
    return { state: decodeState(saved.state), version: saved.version, snapshotted: saved.version };
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

  private viewId(view: object): number {
    let id = this.viewIds.get(view);
    if (id === undefined) this.viewIds.set(view, (id = this.views++));
    return id;
  }
}

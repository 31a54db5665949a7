import type { DomainEvent, StoredEvent } from '@gatehouse/contracts';
import type { View } from '@gatehouse/domain-kit';
import { LRUCache } from 'lru-cache';
import type { EventStore, Tail, TailRead } from './event-store.port';
import { decodeState, encodeState } from './snapshot-codec';

/** What a state cache needs of a store: reading streams and their snapshots, never appending. */
export type StreamReader = Pick<EventStore, 'readTails' | 'readStream' | 'saveSnapshot'>;

interface Entry {
  state: unknown;
  version: number;
  /** The version of the newest snapshot known to be saved; -1 when none is. */
  snapshotted: number;
  /** When the newest read this entry was caught up by began (performance.now()). */
  readAt: number;
}

/**
 * How recent the read answering a load must be. `asked`: begun after the load was asked. `request`: begun
 * after the request the load serves arrived (see the constructor's `requestArrival`), so a read made for
 * another load of the same request (its authentication, or a read-ahead) answers it too. Either way
 * everything stored before the request arrived is seen; `request` is for reads before the request's own
 * writes, and outside a request it is `asked`.
 */
export type ReadSince = 'asked' | 'request';

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
 * request that arrived with it) are caught up together by one `readTails`: one round trip, not one per
 * stream. Each load is still answered by a read that starts after it was asked, or, for a `request` load,
 * after its request arrived: nothing stored before the request is missed (a revoked role is revoked for the
 * very next request), while a request reads each stream once.
 */
export class StateCache {
  // Not a Map reordered by delete-and-set: evicting its oldest key walks every deleted slot before it,
  // which was 5% of the embedded get_user profile once full (6 µs a touch, lru-cache's 0.5 µs).
  private readonly entries: LRUCache<string, Entry>;
  /** When this process last appended to each stream (see wrote), bounded like the entries. */
  private readonly writes: LRUCache<string, number>;
  /** The latest write whose stream `writes` no longer holds: assumed of any stream it does not hold. */
  private forgottenWrite = -Infinity;
  private readonly viewIds = new WeakMap<object, number>();
  private views = 0;
  private waiting: Waiting[] = [];

  /** `requestArrival`: when the request being served arrived (performance.now()), undefined outside one. */
  constructor(
    private readonly store: StreamReader,
    capacity = 10_000,
    private readonly requestArrival: () => number | undefined = () => undefined,
  ) {
    this.entries = new LRUCache({ max: capacity });
    this.writes = new LRUCache({
      max: capacity,
      dispose: (at, _streamId, reason) => {
        if (reason === 'evict') this.forgottenWrite = Math.max(this.forgottenWrite, at);
      },
    });
  }

  load<State, Event extends DomainEvent>(
    streamId: string,
    view: View<State, Event>,
    since: ReadSince = 'asked',
  ): Promise<{ state: State; version: number }> {
    const key = this.key(streamId, view);
    if (since === 'request') {
      const arrived = this.requestArrival();
      const entry = arrived === undefined ? undefined : this.entries.get(key);
      const wroteAt = this.writes.get(streamId) ?? this.forgottenWrite;
      if (entry && entry.readAt > (arrived as number) && entry.readAt > wroteAt) {
        return Promise.resolve({ state: entry.state as State, version: entry.version });
      }
    }
    return new Promise((resolve, reject) => {
      if (this.waiting.length === 0) setImmediate(() => void this.catchUp(this.waiting.splice(0)));
      this.waiting.push({
        key,
        streamId,
        view: view as unknown as View<unknown, DomainEvent>,
        resolve: resolve as Waiting['resolve'],
        reject,
      });
    });
  }

  /**
   * This process appended to the stream: no read begun before now answers a `request` load of it, so a
   * request's loads after its own writes (or after those of a request queued before it) see them.
   */
  wrote(streamId: string): void {
    this.writes.set(streamId, performance.now());
  }

  /** The state as last caught up, without asking the store: only for facts a stream never changes. */
  cached<State, Event extends DomainEvent>(streamId: string, view: View<State, Event>): State | undefined {
    return this.entries.peek(this.key(streamId, view))?.state as State | undefined;
  }

  /**
   * One call to the store for the whole batch: per stream one read, from the earliest position any of its
   * cached views lacks; per view that takes snapshots and is not cached, a read that starts at its snapshot
   * (in the same round trip where the store can).
   */
  private async catchUp(batch: readonly Waiting[]): Promise<void> {
    // Entries are held from here on: one evicted during the read is caught up and put back, not refolded.
    const held = new Map<string, Entry | undefined>();
    for (const { key } of batch) if (!held.has(key)) held.set(key, this.entries.peek(key));
    const from = new Map<string, number>();
    const fromSnapshot = new Map<string, TailRead>();
    for (const { key, streamId, view } of batch) {
      const entry = held.get(key);
      if (!entry && view.snapshot)
        fromSnapshot.set(key, { streamId, fromPosition: 0, snapshot: view.snapshot });
      else {
        const next = (entry?.version ?? -1) + 1;
        from.set(streamId, Math.min(from.get(streamId) ?? next, next));
      }
    }
    const reads: TailRead[] = [
      ...[...from].map(([streamId, fromPosition]) => ({ streamId, fromPosition })),
      ...fromSnapshot.values(),
    ];
    let tails: Tail[];
    const readAt = performance.now();
    try {
      tails = await this.store.readTails(reads);
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
      return;
    }
    const byStream = new Map([...from.keys()].map((streamId, index) => [streamId, tails[index]]));
    const bySnapshot = new Map([...fromSnapshot.keys()].map((key, index) => [key, tails[from.size + index]]));
    for (const waiting of batch) {
      try {
        const tail = bySnapshot.get(waiting.key) ?? (byStream.get(waiting.streamId) as Tail);
        let entry = held.get(waiting.key);
        if (!entry) {
          entry = await this.started(waiting, tail);
          held.set(waiting.key, entry);
        }
        this.evolve(entry, waiting.view, tail.events);
        entry.readAt = Math.max(entry.readAt, readAt);
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

  /**
   * A view's first entry for a stream: its snapshot where the read found one, else its initial state. A
   * snapshot that cannot be decoded (snapshots are derived data) costs a fold from the first event.
   */
  private async started({ streamId, view }: Waiting, tail: Tail): Promise<Entry> {
    const fresh = (): Entry => ({
      state: view.initialState(),
      version: -1,
      snapshotted: -1,
      readAt: -Infinity,
    });
    if (!tail.snapshot) return fresh();
    try {
      const { version, state } = tail.snapshot;
      return { state: decodeState(state), version, snapshotted: version, readAt: -Infinity };
    } catch {
      const entry = fresh();
      this.evolve(entry, view, await this.store.readStream(streamId));
      return entry;
    }
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

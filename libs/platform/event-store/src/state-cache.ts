import type { DomainEvent } from '@gatehouse/contracts';
import type { Decider } from '@gatehouse/domain-kit';
import type { EventStore } from './event-store.port';

interface Entry {
  readonly decider: unknown;
  state: unknown;
  version: number;
}

/**
 * Folded stream states kept in memory and caught up on every read: a read asks the store only for events
 * after the cached version (usually none), so it is always current — never stale — yet cheap for long
 * streams such as an account's role assignments. Bounded: least recently used streams are dropped.
 */
export class StateCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly store: EventStore,
    private readonly capacity = 10_000,
  ) {}

  async load<Command, State, Event extends DomainEvent>(
    streamId: string,
    decider: Decider<Command, State, Event>,
  ): Promise<{ state: State; version: number }> {
    const cached = this.entries.get(streamId);
    const entry: Entry =
      cached && cached.decider === decider ? cached : { decider, state: decider.initialState(), version: -1 };
    const newer = await this.store.readStream(streamId, { fromPosition: entry.version + 1 });
    for (const event of newer) entry.state = decider.evolve(entry.state as State, event as unknown as Event);
    if (newer.length > 0) entry.version = newer[newer.length - 1].streamPosition;
    this.entries.delete(streamId);
    this.entries.set(streamId, entry);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    return { state: entry.state as State, version: entry.version };
  }
}

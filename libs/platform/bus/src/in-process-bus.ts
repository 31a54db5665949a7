import { type StoredEvent, topicForStream } from '@gatehouse/contracts';
import {
  EventPublisher,
  type EventSubscriber,
  type SubscribeOptions,
  type Subscription,
} from './event-bus.port';
import { type HandlerErrorReporter, reportToConsole, retryUntilHandled } from './retry-until-handled';

type Handler = (batch: readonly StoredEvent[]) => Promise<void>;

interface Entry {
  readonly topic: string;
  readonly event: StoredEvent;
}

interface Member {
  readonly topics: ReadonlySet<string>;
  readonly handle: Handler;
  open: boolean;
  inFlight?: Promise<boolean>;
}

interface Group {
  readonly members: Member[];
  /** Log offset of the next event the group has not handled: its "committed offset". */
  next: number;
  delivering: boolean;
}

export interface InProcessBusOptions {
  readonly onError?: HandlerErrorReporter;
  readonly maxBatchSize?: number;
  /** Events every group has handled are still kept up to this many, for groups that subscribe later. */
  readonly retainEvents?: number;
}

/**
 * The embedded-mode bus: one process, no broker, Kafka's semantics where services rely on them.
 * - `publish` resolves once the events are queued in an in-memory log, not after handlers ran (as a Kafka
 *   ack comes before any consumer reads): a relay is never held up by a slow or failing projection, and
 *   a handler may publish without deadlocking.
 * - Each group has one position in the log and hands batches, in log order, one at a time, to its oldest
 *   open member (others stand by): per-stream order holds, and a member that closes and a new one that
 *   joins continue after the last handled batch, as with committed offsets.
 * - A handler that throws gets the same batch again after a short backoff; the error is reported.
 * - A group subscribing for the first time starts at the oldest kept event: nothing is dropped until
 *   every group has handled it and it is older than the newest `retainEvents`.
 * Members of one group are expected to name the same topics, as with Kafka.
 */
export class InProcessBus extends EventPublisher implements EventSubscriber {
  private readonly groups = new Map<string, Group>();
  private log: Entry[] = [];
  /** Offset of log[0]: offsets stay absolute while old entries are dropped. */
  private base = 0;
  private closed = false;
  private readonly onError: HandlerErrorReporter;
  private readonly maxBatchSize: number;
  private readonly retainEvents: number;

  constructor(options: InProcessBusOptions = {}) {
    super();
    this.onError = options.onError ?? reportToConsole;
    this.maxBatchSize = options.maxBatchSize ?? 100;
    this.retainEvents = options.retainEvents ?? 10_000;
  }

  async publish(events: readonly StoredEvent[]): Promise<void> {
    if (this.closed) throw new Error('the in-process bus is closed');
    // Map every topic before queueing any event: an unmapped stream rejects the whole call.
    const entries = events.map((event) => ({ topic: topicForStream(event.streamId), event }));
    this.log.push(...entries);
    for (const group of this.groups.values()) void this.deliver(group);
  }

  async subscribe(options: SubscribeOptions, handle: Handler): Promise<Subscription> {
    if (this.closed) throw new Error('the in-process bus is closed');
    const group = this.groups.get(options.groupId) ?? { members: [], next: this.base, delivering: false };
    this.groups.set(options.groupId, group);
    const member: Member = { topics: new Set(options.topics), handle, open: true };
    group.members.push(member);
    void this.deliver(group);
    return { close: () => this.leave(group, member) };
  }

  async close(): Promise<void> {
    this.closed = true;
    const members = [...this.groups.values()].flatMap((group) =>
      group.members.map((member) => ({ group, member })),
    );
    await Promise.all(members.map(({ group, member }) => this.leave(group, member)));
  }

  /** Resolves once the member's batch in hand (if any) has settled: after that its handler is not called. */
  private async leave(group: Group, member: Member): Promise<void> {
    member.open = false;
    const index = group.members.indexOf(member);
    if (index >= 0) group.members.splice(index, 1);
    await member.inFlight;
  }

  private async deliver(group: Group): Promise<void> {
    if (group.delivering) return;
    group.delivering = true;
    try {
      for (let member = group.members[0]; member; member = group.members[0]) {
        const { batch, end } = this.read(group.next, member.topics);
        if (batch.length === 0) {
          group.next = end;
          break;
        }
        member.inFlight = retryUntilHandled(() => member.handle(batch), {
          onError: this.onError,
          active: () => member.open,
        });
        // Not handled means the member left mid-retry: the next member gets the same batch.
        if (await member.inFlight) {
          group.next = end;
          this.dropHandled();
        }
      }
    } finally {
      group.delivering = false;
    }
  }

  /** The next batch of the member's topics from `from`; `end` is the offset after the last entry looked at. */
  private read(from: number, topics: ReadonlySet<string>): { batch: StoredEvent[]; end: number } {
    const batch: StoredEvent[] = [];
    let index = from - this.base;
    for (; index < this.log.length && batch.length < this.maxBatchSize; index++) {
      const entry = this.log[index];
      if (topics.has(entry.topic)) batch.push(entry.event);
    }
    return { batch, end: index + this.base };
  }

  private dropHandled(): void {
    const keepFrom = Math.min(
      this.base + this.log.length - this.retainEvents,
      ...[...this.groups.values()].map((group) => group.next),
    );
    if (keepFrom <= this.base) return;
    this.log = this.log.slice(keepFrom - this.base);
    this.base = keepFrom;
  }
}

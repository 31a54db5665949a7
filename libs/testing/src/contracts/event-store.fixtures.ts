import type { NewEvent, StoredEvent } from '@gatehouse/contracts';
import { type AppendNotices, type EventStore, WrongExpectedVersion } from '@gatehouse/event-store';
import { v7 as uuidv7 } from 'uuid';

/** A transaction holding an appended event, not yet committed. */
export interface HeldAppend {
  commit(): Promise<void>;
}

export interface EventStoreUnderTest {
  readonly store: EventStore;
  /** Ends everything the factory made: the store, its schema or file, any held transaction. */
  cleanup(): Promise<void>;
  /** Appends `event` as position 0 of `streamId` in a transaction of its own that stays open. */
  holdAppendOpen?(streamId: string, event: NewEvent): Promise<HeldAppend>;
  /** Stores events at global-order keys the test chooses; given with the `craftedOrder` capability. */
  readonly orderKeys?: CraftedOrderKeys;
}

/** One event to store at a chosen key of the store's global order. */
export interface KeyedEvent {
  readonly key: bigint;
  readonly streamId: string;
  readonly event: NewEvent;
}

/**
 * The store's global-order key, set by hand: PostgreSQL's tx_id, SQLite's global position. Lets the
 * contract put events where the order crosses digit-length boundaries (9 → 10, 99,999 → 100,000) without
 * appending that many events.
 */
export interface CraftedOrderKeys {
  /** The largest key `seed` takes and a reader then sees (PostgreSQL: below the current transaction). */
  limit(): Promise<bigint>;
  /** Inserts each event as position 0 of its stream at its key, in the order given, all at once. */
  seed(rows: readonly KeyedEvent[]): Promise<void>;
}

export interface EventStoreCapabilities {
  /** Concurrent transactions can commit out of start order (PostgreSQL): the factory gives holdAppendOpen. */
  readonly heldTransactions?: boolean;
  /** The factory gives orderKeys. */
  readonly craftedOrder?: boolean;
  /** An event id is refused only where its own stream holds it, not where another stream does (KurrentDB). */
  readonly eventIdsPerStreamOnly?: boolean;
}

/** A fresh, empty store per test. */
export type EventStoreFactory = () => Promise<EventStoreUnderTest>;

/** A W3C trace context, as a request's events carry it. */
export const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

export function newTestEvent(overrides: Partial<NewEvent> = {}): NewEvent {
  return {
    eventId: uuidv7(),
    type: 'ContractChecked',
    schemaVersion: 1,
    accountId: 'acct-contract',
    occurredAt: '2025-03-04T05:06:07.089Z',
    actor: 'user-admin',
    correlationId: uuidv7(),
    causationId: null,
    data: { checked: true },
    ...overrides,
  };
}

export async function expectWrongVersion(append: Promise<unknown>, fields: Partial<WrongExpectedVersion>) {
  const error = await append.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(WrongExpectedVersion);
  expect(error).toMatchObject(fields);
}

/** `count` events with nothing to say but their identity. */
export const newTestEvents = (count: number): NewEvent[] =>
  Array.from({ length: count }, () => newTestEvent());

export const eventIds = (events: readonly { eventId: string }[]): string[] =>
  events.map((event) => event.eventId);

/**
 * Reads the global order from `after` page by page until `count` events came back. A store may hold
 * events back while an older transaction is open anywhere on its server (PostgreSQL), and parallel test
 * files share that server, so an empty page is asked again for a while before giving up.
 */
export async function readAllUntil(store: EventStore, after: string, count: number, pageSize = 1000) {
  const events: StoredEvent[] = [];
  const deadline = Date.now() + 5000;
  let checkpoint = after;
  while (events.length < count) {
    const page = await store.readAll({ after: checkpoint, maxCount: pageSize });
    expect(page.length).toBeLessThanOrEqual(pageSize);
    events.push(...page);
    checkpoint = page.at(-1)?.checkpoint ?? checkpoint;
    if (page.length > 0) continue;
    if (Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { events, checkpoint };
}

/** The columns every store's events table has, and an event's values for them at position 0 of a stream. */
export const eventColumns = `event_id, stream_id, stream_position, type, schema_version, account_id, occurred_at,
  actor, correlation_id, causation_id, data`;

export function eventValues(streamId: string, event: NewEvent): unknown[] {
  return [
    event.eventId,
    streamId,
    0,
    event.type,
    event.schemaVersion,
    event.accountId,
    event.occurredAt,
    event.actor,
    event.correlationId,
    event.causationId,
    JSON.stringify(event.data),
  ];
}

/** The store's append notices, once it gives them: an adapter may need a moment to start listening. */
export async function appendNoticesOf(store: EventStore): Promise<AppendNotices> {
  const deadline = Date.now() + 30_000;
  let notices = store.appendNotices();
  while (!notices && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    notices = store.appendNotices();
  }
  if (!notices) throw new Error('no append notices within 30 s');
  return notices;
}

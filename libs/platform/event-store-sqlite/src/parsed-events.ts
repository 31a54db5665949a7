import type { StoredEvent } from '@gatehouse/contracts';
import { LRUCache } from 'lru-cache';
import { type EventRow, toStoredEvent } from './sqlite-statements';

/** How many parsed events are kept: a few seconds of appends at full speed. */
const PARSED_EVENTS = 4096;

/**
 * Events lately read or committed by one store, by global position, so each is parsed once: the relay and
 * every reaction tail the same new events (see inOrder), and the state cache reads them again for the
 * streams it holds. Stored events never change, and readers only read them.
 */
export class ParsedEvents {
  private readonly parsed = new LRUCache<number, StoredEvent>({ max: PARSED_EVENTS });

  /** Own appends, once committed: parsed here for the readers that tail the store (see inOrder). */
  committed(rows: readonly EventRow[]): void {
    for (const row of rows) this.of(row);
  }

  /** The row's event, parsed once. */
  of(row: EventRow): StoredEvent {
    let event = this.parsed.get(row.global_position);
    if (!event) {
      event = toStoredEvent(row);
      this.parsed.set(row.global_position, event);
    }
    return event;
  }

  /**
   * The events after `after` up to `last`, when every one of them is held: the tailing readers read what
   * was just appended here, and asked the file for it again (the statement was 3-4 % of embedded
   * manipulate_user). Committed positions are never taken again, so a parsed event is still the event at
   * its position; a position not held (another connection's append, one evicted) sends the read to the file.
   */
  inOrder(after: number, last: number): StoredEvent[] | undefined {
    const events: StoredEvent[] = [];
    for (let position = after + 1; position <= last; position++) {
      const event = this.parsed.get(position);
      if (event === undefined) return undefined;
      events.push(event);
    }
    return events;
  }
}

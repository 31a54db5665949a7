import { noticeNamesOf } from '@gatehouse/contracts';
import { AppendNotices } from '@gatehouse/event-store';
import {
  type AllStreamSubscription,
  END,
  type KurrentDBClient,
  streamNameFilter,
} from '@kurrent/kurrentdb-client';
import type { Recorded, StreamNames } from './kurrentdb-records';

/** How long a dropped subscription waits before it subscribes again. */
const RESUBSCRIBE_MS = 1000;

/**
 * Append notices from a subscription to the log's end, filtered to this namespace's events: each event
 * is a notice naming its kinds (noticeNamesOf), from whichever process appended it. This process's own
 * appends are told at once too (`appended`), ahead of their round trip through the server. Until the
 * server confirms the subscription, and from a drop until it confirms a new one, there are no notices
 * (readers poll); the new one's confirmation wakes every reader, untyped (a notice may have been missed).
 */
export class KurrentDbNotices {
  private readonly notices = new AppendNotices();
  private subscription: AllStreamSubscription | undefined;
  /** Whether the subscription is live: the server confirmed it and it has not dropped since. */
  private confirmed = false;
  /** Whether it ever was: a later confirmation follows a drop, during which a notice may have been missed. */
  private everConfirmed = false;
  private closed = false;
  private retry: NodeJS.Timeout | undefined;

  constructor(
    private readonly client: KurrentDBClient,
    private readonly names: StreamNames,
  ) {
    this.subscribe();
  }

  current(): AppendNotices | null {
    return this.confirmed ? this.notices : null;
  }

  appended(types: readonly string[]): void {
    this.notices.notify(types);
  }

  /** Never rejects: a subscription that never connected may fail its unsubscribe too. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    await this.subscription?.unsubscribe().catch(() => undefined);
  }

  private subscribe(): void {
    // Delivery from the log's end starts when the server confirms: until then readers poll.
    const subscription = this.client.subscribeToAll({
      fromPosition: END,
      filter: streamNameFilter({ prefixes: [this.names.eventsPrefix] }),
    });
    this.subscription = subscription;
    // A subscription dropped and replaced may still speak: only the current one changes anything.
    const current = () => this.subscription === subscription;
    subscription.on('confirmation', () => {
      if (!current()) return;
      if (this.everConfirmed) this.notices.notify();
      this.confirmed = this.everConfirmed = true;
    });
    subscription.on('data', ({ event }) => {
      if (current() && event && this.names.holds(event.streamId))
        this.notices.notify(this.kindsOf(event as Recorded));
    });
    subscription.on('error', () => current() && this.dropped());
    subscription.on('end', () => current() && this.dropped());
  }

  /** Its notice names, from type and data alone; an event of unexpected shape wakes every reader, untyped. */
  private kindsOf(event: Recorded): string[] | undefined {
    try {
      return noticeNamesOf(event);
    } catch {
      return undefined;
    }
  }

  private dropped(): void {
    // Readers poll again until the server confirms a new subscription.
    this.confirmed = false;
    void this.subscription?.unsubscribe().catch(() => undefined);
    if (this.closed || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      if (!this.closed) this.subscribe();
    }, RESUBSCRIBE_MS);
  }
}

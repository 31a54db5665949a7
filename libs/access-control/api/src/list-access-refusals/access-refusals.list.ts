import { Injectable } from '@nestjs/common';
import { type AccessRefused, refusalsStreamId } from '@gatehouse/contracts';
import { EventStore, StateCache } from '@gatehouse/event-store';
import { accessRefusalsDecider } from '@gatehouse/identity-domain';

/** One stored refusal; `suppressed` more of the same reason were counted into it, not stored. */
export type AccessRefusalView = AccessRefused['data'] & { readonly position: number };

export interface AccessRefusalsPage {
  readonly items: AccessRefusalView[];
  /** The cursor of the next (older) page; null on the last. */
  readonly nextCursor: number | null;
}

/**
 * A user's refusals, newest first, paged by stream position: a page reads only its own events (the
 * stream's length comes from the state cache the recorder keeps caught up), however long the stream.
 */
@Injectable()
export class AccessRefusalsList {
  constructor(
    private readonly store: EventStore,
    private readonly states: StateCache,
  ) {}

  async page(userId: string, page: { cursor?: number; limit: number }): Promise<AccessRefusalsPage> {
    const streamId = refusalsStreamId(userId);
    const { version } = await this.states.load(streamId, accessRefusalsDecider);
    const before = Math.min(page.cursor ?? version + 1, version + 1);
    const from = Math.max(0, before - page.limit);
    const events =
      before > from
        ? await this.store.readStream(streamId, { fromPosition: from, maxCount: before - from })
        : [];
    const items = events.reverse().map(
      (event): AccessRefusalView => ({
        position: event.streamPosition,
        ...(event.data as AccessRefused['data']),
      }),
    );
    return { items, nextCursor: from > 0 ? from : null };
  }
}

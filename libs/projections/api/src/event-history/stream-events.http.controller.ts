import { Controller, Get, NotFoundException, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { EventStore } from '@gatehouse/event-store';
import { assertPermission, CurrentPrincipal, type Principal } from '@gatehouse/http';
import { StreamEventsQueryDto } from './event-history.dto';
import { historyEvent, type HistoryPage } from './history-event.view';

/** Stream ids are a prefix and an id (contracts/streams.ts); anything else names no stream. */
const STREAM_ID = /^[a-z]+(-[a-z]+)*-[0-9a-f-]{1,64}$/;

@ApiTags('history')
@ApiBearerAuth()
@Controller('v1/accounts/:accountId/streams/:streamId/events')
export class StreamEventsHttpController {
  constructor(private readonly store: EventStore) {}

  /**
   * Permission: audit:read. One stream of the account (`user-<id>`, `access-<id>`, `role-assignments-<id>`,
   * `invite-<id>` …) in its order; a stream of another account is not found. `nextCursor` is the next
   * `fromPosition`.
   */
  @Get()
  async list(
    @Param('accountId', ParseUUIDPipe) accountId: string,
    @Param('streamId') streamId: string,
    @Query() query: StreamEventsQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<HistoryPage> {
    assertPermission(principal, accountId, 'audit:read');
    if (!STREAM_ID.test(streamId)) throw new NotFoundException('no such stream');
    const limit = query.limit ?? 50;
    const fromPosition = query.fromPosition ?? 0;
    const events = await this.store.readStream(streamId, { fromPosition, maxCount: limit });
    // Its first event tells whose the stream is (a stream never moves between accounts); a page from the
    // start holds it.
    const [first] = fromPosition === 0 ? events : await this.store.readStream(streamId, { maxCount: 1 });
    if (!first || first.accountId !== accountId) throw new NotFoundException('no such stream');
    return {
      events: events.map(historyEvent),
      nextCursor: events.length === limit ? String(fromPosition + limit) : null,
    };
  }
}

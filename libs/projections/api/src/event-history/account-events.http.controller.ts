import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { EventStore, START } from '@gatehouse/event-store';
import { assertPermission, CurrentPrincipal, type Principal } from '@gatehouse/http';
import { AccountEventsQueryDto } from './event-history.dto';
import { checkpointOf, historyCursor, readingCursor } from './history-cursor';
import { historyEvent, type HistoryPage } from './history-event.view';

const iso = (instant: string | undefined) =>
  instant === undefined ? undefined : new Date(instant).toISOString();

@ApiTags('history')
@ApiBearerAuth()
@Controller('v1/accounts/:accountId/events')
export class AccountEventsHttpController {
  constructor(private readonly store: EventStore) {}

  /**
   * Permission: audit:read. Every change to the account, its users, roles, invites and access controls,
   * from the store (the source of truth, not a read model), oldest first; `since` and `until` bound when
   * the events occurred.
   */
  @Get()
  async list(
    @Param('accountId', ParseUUIDPipe) accountId: string,
    @Query() query: AccountEventsQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<HistoryPage> {
    assertPermission(principal, accountId, 'audit:read');
    const limit = query.limit ?? 50;
    const events = await readingCursor(() =>
      this.store.readAccount(accountId, {
        after: query.cursor === undefined ? START : checkpointOf(query.cursor),
        maxCount: limit,
        since: iso(query.since),
        until: iso(query.until),
      }),
    );
    const last = events.at(-1);
    return {
      events: events.map(historyEvent),
      nextCursor: events.length === limit && last ? historyCursor(last.checkpoint) : null,
    };
  }
}

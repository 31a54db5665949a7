import { Injectable } from '@nestjs/common';
import {
  type InviteRow,
  type InviteStatus,
  invitesListDeclaration,
  inviteStatusFilter,
  toInviteRow,
} from '@gatehouse/invites-list';
import type { RowQuery } from '@gatehouse/read-model-kit';
import { encodeCursor, ReadModelStore } from '@gatehouse/read-models';
import { startAfter } from '../page-cursor';

export interface InvitesPage {
  readonly items: InviteRow[];
  /** Null when this page is the last one. */
  readonly nextCursor: string | null;
}

/**
 * The invites list read for HTTP: newest invite first. "Expired" and "pending" split pending invites at
 * the query's `now`, so the cursor is bound to the status asked for, not to that instant's deadline key.
 */
@Injectable()
export class InvitesListReader {
  constructor(private readonly store: ReadModelStore) {}

  async page(
    accountId: string,
    options: { status?: InviteStatus; cursor?: string; limit: number },
    now: Date,
  ): Promise<InvitesPage> {
    const cursorShape: Omit<RowQuery, 'limit' | 'after'> = {
      accountId,
      anyOf: [[`status:${options.status ?? 'any'}`]],
      ranges: [],
      sort: 'invited',
      descending: true,
    };
    const start = options.cursor === undefined ? undefined : startAfter(cursorShape, options.cursor);
    const page = await this.store.query(invitesListDeclaration, {
      ...cursorShape,
      ...inviteStatusFilter(options.status, now),
      after: start?.member,
      limit: options.limit,
    });
    const next = page.next ?? page.rows.at(-1)?.member;
    const served = (start?.served ?? 0) + page.rows.length;
    return {
      items: page.rows.map(({ row }) => toInviteRow(row, now)),
      nextCursor:
        page.more && next !== undefined ? encodeCursor(cursorShape, { member: next, served }) : null,
    };
  }
}

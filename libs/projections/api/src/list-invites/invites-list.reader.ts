import { Injectable } from '@nestjs/common';
import {
  type InviteRow,
  invitesListDeclaration,
  inviteStatusFilter,
  toInviteRow,
} from '@gatehouse/invites-list';
import { fold, type RowQuery } from '@gatehouse/read-model-kit';
import { ReadModelStore } from '@gatehouse/read-models';
import { type ListPage, listPage, startAfter } from '../page-cursor';
import type { ListInvitesQuery } from './list-invites.query';

export type InvitesPage = ListPage<InviteRow>;

/**
 * The invites list read for HTTP, newest invite first unless sorted otherwise. "Expired" and "pending"
 * split pending invites at the query's `now`, so the cursor is bound to the status asked for, not to that
 * instant's deadline key: a cursor outlives the instant of the page that made it.
 */
@Injectable()
export class InvitesListReader {
  constructor(private readonly store: ReadModelStore) {}

  async page(accountId: string, query: ListInvitesQuery, now: Date): Promise<InvitesPage> {
    const sort = query.sort ?? 'invited';
    const search = fold(query.q ?? '');
    const rolesGroup = query.role?.length ? [query.role.map((role) => `role:${role}`)] : [];
    const shape: Omit<RowQuery, 'limit' | 'after'> = {
      accountId,
      ...(search === '' ? {} : { search }),
      anyOf: [[`status:${query.status ?? 'any'}`], ...rolesGroup],
      ranges: [],
      sort,
      descending: (query.order ?? (sort === 'invited' ? 'desc' : 'asc')) === 'desc',
    };
    const start = query.cursor === undefined ? undefined : startAfter(shape, query.cursor);
    const status = inviteStatusFilter(query.status, now);
    const page = await this.store.query(invitesListDeclaration, {
      ...shape,
      anyOf: [...status.anyOf, ...rolesGroup],
      ranges: status.ranges,
      after: start?.member,
      limit: query.limit ?? 50,
    });
    return listPage(shape, start, page, (row) => toInviteRow(row, now));
  }
}

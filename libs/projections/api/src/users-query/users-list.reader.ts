import { Injectable } from '@nestjs/common';
import { ReadModelStore } from '@gatehouse/read-models';
import { toUserRow, type UserRow, usersListDeclaration } from '@gatehouse/users-list';
import type { ListUsersQueryDto, UsersQueryDto } from './users-query.dto';
import { usersRowQuery } from './users-row-query';
import { type ListPage, listPage, startAfter } from '../page-cursor';
import { heldWhileRead } from '../projection-runner/generation-keeper';

/** A row of the users list as the API shows it: the stored row and the full name the list displays. */
export type UserListItem = UserRow & { readonly name: string };

export type UsersPage = ListPage<UserListItem>;

/**
 * Field by field, not `{ ...row, name }`: spreading a freshly parsed row cost more than parsing and
 * serialising it together (a 50-row page: ~200 µs of CPU spread, ~100 µs so).
 */
const toItem = (row: UserRow): UserListItem => ({
  id: row.id,
  name: `${row.firstName} ${row.lastName}`.trim(),
  firstName: row.firstName,
  lastName: row.lastName,
  email: row.email,
  username: row.username,
  mobile: row.mobile,
  language: row.language,
  timeZone: row.timeZone,
  status: row.status,
  roles: row.roles,
  lastLoginAt: row.lastLoginAt,
  lastLoginIp: row.lastLoginIp,
  lastLoginChannel: row.lastLoginChannel,
  createdAt: row.createdAt,
  deletionRequestedAt: row.deletionRequestedAt,
});

/** The users list read for HTTP: one page with its cursor, or every matching row of one generation. */
@Injectable()
export class UsersListReader {
  constructor(private readonly store: ReadModelStore) {}

  async page(accountId: string, query: ListUsersQueryDto): Promise<UsersPage> {
    const shape = usersRowQuery(accountId, query);
    const start = query.cursor === undefined ? undefined : startAfter(shape, query.cursor);
    const page = await this.store.query(usersListDeclaration, {
      ...shape,
      after: start?.member,
      limit: query.limit ?? 50,
    });
    return listPage(shape, start, page, (row) => toItem(toUserRow(row)));
  }

  /**
   * Every matching row's CSV line in order, a batch of lines to a text, all from the generation serving
   * when the export starts, held while it runs: a rebuild switching meanwhile cannot tear it.
   */
  async *csvLines(accountId: string, query: UsersQueryDto): AsyncGenerator<Buffer> {
    const generation = await this.store.current(usersListDeclaration);
    if (generation === null) return;
    const lines = this.store.scanCsv(usersListDeclaration, usersRowQuery(accountId, query), generation, 1000);
    yield* heldWhileRead(this.store, usersListDeclaration, generation, lines);
  }
}

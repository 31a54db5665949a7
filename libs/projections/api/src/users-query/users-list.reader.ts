import { Injectable } from '@nestjs/common';
import { InvalidInput } from '@gatehouse/http';
import type { RowQuery } from '@gatehouse/read-model-kit';
import { decodeCursor, encodeCursor, InvalidCursor, ReadModelStore } from '@gatehouse/read-models';
import { toUserRow, type UserRow, usersListDeclaration } from '@gatehouse/users-list';
import type { ListUsersQueryDto, UsersQueryDto } from './users-query.dto';
import { usersRowQuery } from './users-row-query';

/** A row of the users list as the API shows it: the stored row and the full name the list displays. */
export type UserListItem = UserRow & { readonly name: string };

export interface UsersPage {
  readonly items: UserListItem[];
  /** Null when this page is the last one. */
  readonly nextCursor: string | null;
  /** Users matching the search and filters, over all pages. */
  readonly total: number;
}

const toItem = (row: UserRow): UserListItem => ({ ...row, name: `${row.firstName} ${row.lastName}`.trim() });

/** The users list read for HTTP: one page with its cursor, or every matching row of one generation. */
@Injectable()
export class UsersListReader {
  constructor(private readonly store: ReadModelStore) {}

  async page(accountId: string, query: ListUsersQueryDto): Promise<UsersPage> {
    const shape = usersRowQuery(accountId, query);
    const after = query.cursor === undefined ? undefined : startAfter(shape, query.cursor);
    const page = await this.store.query(usersListDeclaration, { ...shape, after, limit: query.limit ?? 50 });
    const last = page.rows.at(-1);
    return {
      items: page.rows.map(({ row }) => toItem(toUserRow(row))),
      nextCursor: page.more && last ? encodeCursor(shape, last.member) : null,
      total: page.total,
    };
  }

  /**
   * Every matching row in order, a batch at a time, all from the generation serving when the export
   * starts: a rebuild switching meanwhile cannot tear it (the old generation outlives the switch by a
   * grace period, see ProjectionRunner).
   */
  async *rows(accountId: string, query: UsersQueryDto): AsyncGenerator<UserListItem[]> {
    const generation = await this.store.current(usersListDeclaration);
    if (generation === null) return;
    for await (const rows of this.store.scan(
      usersListDeclaration,
      usersRowQuery(accountId, query),
      generation,
    ))
      yield rows.map((row) => toItem(toUserRow(row)));
  }
}

function startAfter(shape: Omit<RowQuery, 'limit' | 'after'>, cursor: string): string {
  try {
    return decodeCursor(shape, cursor);
  } catch (error) {
    if (!(error instanceof InvalidCursor)) throw error;
    throw new InvalidInput([{ field: 'cursor', rule: 'isValidCursor', message: error.message }]);
  }
}

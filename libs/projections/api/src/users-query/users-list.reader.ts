import { Injectable } from '@nestjs/common';
import { ReadModelStore } from '@gatehouse/read-models';
import { usersListDeclaration } from '@gatehouse/users-list';
import type { ListUsersQueryDto, UsersQueryDto } from './users-query.dto';
import { usersRowQuery } from './users-row-query';
import { listPageJson, startAfter } from '../page-cursor';
import { heldWhileRead } from '../projection-runner/generation-keeper';

/** The users list read for HTTP: one page with its cursor, or every matching row of one generation. */
@Injectable()
export class UsersListReader {
  constructor(private readonly store: ReadModelStore) {}

  /**
   * One page as the API's JSON text, `{ items, nextCursor, total[, totalIsAtLeast] }` (ListPage): a row as
   * read is the list's item (UserRow), so the store's JSON of each goes out as it is.
   */
  async pageJson(accountId: string, query: ListUsersQueryDto): Promise<string> {
    const shape = usersRowQuery(accountId, query);
    const start = query.cursor === undefined ? undefined : startAfter(shape, query.cursor);
    const page = await this.store.query(usersListDeclaration, {
      ...shape,
      after: start?.member,
      limit: query.limit ?? 50,
    });
    return listPageJson(shape, start, page);
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

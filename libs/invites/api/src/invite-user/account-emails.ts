import { Injectable } from '@nestjs/common';
import { normaliseEmail } from '@gatehouse/invites-domain';
import { fold } from '@gatehouse/read-model-kit';
import { ReadModelStore } from '@gatehouse/read-models';
import { toUserRow, usersListDeclaration } from '@gatehouse/users-list';

/** Rows sharing an email's folded prefix that one check reads: far more than one account holds. */
const CANDIDATES = 200;

/**
 * Whether an email belongs to a user of the account, read (never written) from the users list read model
 * through its search index: Redis in distributed mode, memory when embedded. The list is eventually
 * consistent: a user created a moment ago may not be seen yet.
 */
@Injectable()
export class AccountEmails {
  constructor(private readonly store: ReadModelStore) {}

  async isUser(accountId: string, email: string): Promise<boolean> {
    const wanted = normaliseEmail(email);
    const page = await this.store.query(usersListDeclaration, {
      accountId,
      search: fold(wanted),
      anyOf: [],
      ranges: [],
      sort: 'created',
      descending: false,
      limit: CANDIDATES,
    });
    return page.rows.some(({ row }) => normaliseEmail(toUserRow(row).email) === wanted);
  }
}

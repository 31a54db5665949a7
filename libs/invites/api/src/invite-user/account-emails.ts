import { Injectable } from '@nestjs/common';
import { normaliseEmail } from '@gatehouse/invites-domain';
import { maxListLimit, UsersListReadModel } from '@gatehouse/read-models';

/**
 * Whether an email belongs to a user of the account, read from the users list read model (read-only:
 * Redis in distributed mode, memory when embedded). The list has no email index yet, so this walks the
 * account's rows a page at a time — fine for the accounts of today, to become one lookup once the read
 * side indexes emails. The list is eventually consistent: a user created a moment ago may not be seen.
 */
@Injectable()
export class AccountEmails {
  constructor(private readonly users: UsersListReadModel) {}

  async isUser(accountId: string, email: string): Promise<boolean> {
    const wanted = normaliseEmail(email);
    let cursor: string | undefined;
    do {
      const page = await this.users.list(accountId, { cursor, limit: maxListLimit });
      if (page.items.some((row) => normaliseEmail(row.email) === wanted)) return true;
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    return false;
  }
}

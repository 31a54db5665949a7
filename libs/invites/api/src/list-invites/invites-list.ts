import { Injectable } from '@nestjs/common';
import type { InviteEvent, StoredEvent } from '@gatehouse/contracts';
import { EventStore, START } from '@gatehouse/event-store';
import { INVITES_STREAM_PREFIX, type InviteStatus, isPast } from '@gatehouse/invites-domain';

export interface InviteRow {
  readonly inviteId: string;
  readonly email: string;
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly roles: readonly string[];
  readonly invitedBy: string;
  readonly invitedAt: string;
  readonly lastSentAt: string;
  readonly expiresAt: string;
  readonly status: InviteStatus;
  readonly userId: string | null;
}

type StoredRow = Omit<InviteRow, 'status'> & { readonly status: Exclude<InviteStatus, 'expired'> };

/** The row an invite event leaves: the list as a pure fold of the invites' events and their times. */
export function inviteRowAfter(
  row: StoredRow | undefined,
  event: StoredEvent<string, InviteEvent['data']>,
): StoredRow | undefined {
  const typed = { type: event.type, data: event.data } as InviteEvent;
  switch (typed.type) {
    case 'UserInvited': {
      const { inviteId, invitee, roles, invitedBy, expiresAt } = typed.data;
      const { email, firstName, lastName } = invitee;
      const at = event.occurredAt;
      return {
        inviteId,
        email,
        firstName,
        lastName,
        roles,
        invitedBy,
        invitedAt: at,
        lastSentAt: at,
        expiresAt,
        status: 'pending',
        userId: null,
      };
    }
    case 'InviteResent':
      return row && { ...row, lastSentAt: event.occurredAt, expiresAt: typed.data.expiresAt };
    case 'InviteRevoked':
      return row && { ...row, status: 'revoked' };
    case 'InviteAccepted':
      return row && { ...row, status: 'accepted', userId: typed.data.userId };
    default:
      return row;
  }
}

export interface InvitesPage {
  readonly items: InviteRow[];
  readonly nextCursor: string | null;
}

/**
 * The invites of each account, served by the invites service from its own events: every query first
 * catches up with the store, so a list read after an invite shows it. Held in memory and rebuilt from the
 * store at the first query after a start — the interim until the projection service serves it from Redis.
 */
@Injectable()
export class InvitesList {
  private readonly accounts = new Map<string, Map<string, StoredRow>>();
  private position = START;
  private catchingUp: Promise<void> = Promise.resolve();

  constructor(private readonly store: EventStore) {}

  async page(
    accountId: string,
    options: { status?: InviteStatus; cursor?: string; limit: number },
    now: Date,
  ): Promise<InvitesPage> {
    await this.catchUp();
    const rows = [...(this.accounts.get(accountId)?.values() ?? [])]
      .filter((row) => options.cursor === undefined || row.inviteId > options.cursor)
      .sort((a, b) => (a.inviteId < b.inviteId ? -1 : 1))
      .map(
        (row): InviteRow => ({
          ...row,
          status: row.status === 'pending' && isPast(row.expiresAt, now) ? 'expired' : row.status,
        }),
      )
      .filter((row) => options.status === undefined || row.status === options.status);
    const items = rows.slice(0, options.limit);
    return { items, nextCursor: rows.length > options.limit ? items[items.length - 1].inviteId : null };
  }

  private catchUp(): Promise<void> {
    this.catchingUp = this.catchingUp.then(() => this.readNew());
    return this.catchingUp;
  }

  private async readNew(): Promise<void> {
    for (;;) {
      const batch = await this.store.readAll({ after: this.position, maxCount: 1000 });
      if (batch.length === 0) return;
      for (const event of batch) if (event.streamId.startsWith(INVITES_STREAM_PREFIX)) this.apply(event);
      this.position = batch[batch.length - 1].checkpoint;
    }
  }

  private apply(event: StoredEvent): void {
    const accountRows = this.accounts.get(event.accountId) ?? new Map<string, StoredRow>();
    this.accounts.set(event.accountId, accountRows);
    const inviteId = (event.data as { inviteId?: string }).inviteId;
    if (!inviteId || event.type === 'InviteEmailClaimed') return;
    const next = inviteRowAfter(accountRows.get(inviteId), event as StoredEvent<string, InviteEvent['data']>);
    if (next) accountRows.set(inviteId, next);
  }
}

import type { KeyRange, ReadModelDeclaration, Row } from '@gatehouse/read-model-kit';
import { timeKey } from '@gatehouse/read-model-kit';
import type { InviteFields, InviteRow, InviteStatus } from './invite-row';

/**
 * The invites list's indexes: filters on the stored status and the roles offered; sorts by invite time
 * (the list's default, newest first), deadline, name and email; prefix search on the name and the email,
 * as the users list searches them. The deadline's key range splits pending invites into live and expired
 * at a query's `now`.
 */
export const invitesListDeclaration: ReadModelDeclaration = {
  name: 'invites-list',
  listedBy: 'invitedAt',
  columns: { invitedAt: 'time', expiresAt: 'time', firstName: 'text', lastName: 'text', email: 'text' },
  sets: { status: { column: 'status', kind: 'value' }, role: { column: 'roles', kind: 'each' } },
  sorts: {
    invited: ['invitedAt'],
    expires: ['expiresAt'],
    name: ['firstName', 'lastName'],
    email: ['email'],
  },
  defaultSort: 'invited',
  search: [['firstName', 'lastName'], ['email']],
};

/** Time keys have millisecond width, so `now`'s key and the one after it split past from live exactly. */
const lastPast = (now: Date): string => timeKey(now.toISOString());
const firstLive = (now: Date): string => timeKey(new Date(now.getTime() + 1).toISOString());
const END_OF_TIME = timeKey('9999-12-31T23:59:59.999Z');

/**
 * The set groups and deadline range that select invites of `status` at `now`: an invite is expired when
 * pending and `now` is at or past its deadline (as the invite decider judges acceptance).
 */
export function inviteStatusFilter(
  status: InviteStatus | undefined,
  now: Date,
): { anyOf: string[][]; ranges: KeyRange[] } {
  if (status === undefined) return { anyOf: [], ranges: [] };
  if (status === 'accepted' || status === 'revoked') return { anyOf: [[`status:${status}`]], ranges: [] };
  const ranges: KeyRange[] =
    status === 'expired'
      ? [{ sort: 'expires', min: timeKey(null), max: lastPast(now) }]
      : [{ sort: 'expires', min: firstLive(now), max: END_OF_TIME }];
  return { anyOf: [['status:pending']], ranges };
}

/** A stored row as the list shows it at `now`. */
export function toInviteRow(row: Row, now: Date): InviteRow {
  const stored = row as unknown as InviteFields;
  const { email, firstName, lastName, roles, invitedBy, invitedAt, lastSentAt, expiresAt } = stored;
  const expired = stored.status === 'pending' && now.getTime() >= Date.parse(expiresAt);
  return {
    inviteId: row.id,
    email,
    firstName,
    lastName,
    roles,
    invitedBy,
    invitedAt,
    lastSentAt,
    expiresAt,
    status: expired ? 'expired' : stored.status,
    userId: stored.userId,
  };
}

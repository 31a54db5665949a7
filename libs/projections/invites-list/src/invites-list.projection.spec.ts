import type { StoredEvent } from '@gatehouse/contracts';
import { timeKey } from '@gatehouse/read-model-kit';
import { inviteStatusFilter, toInviteRow } from './invites-list.declaration';
import { invitesListProjection } from './invites-list.projection';

const accountId = 'acct-1';
const inviteId = '0190a000-0000-7000-8000-000000000001';
const streamId = `invite-${inviteId}`;
const at = '2026-12-01T00:00:00.000Z';

/** Every invite event here shares its envelope but for the type, the data and the position. */
const envelope = { schemaVersion: 1, accountId, occurredAt: at, actor: 'admin-1', causationId: null };
const stored = (type: string, data: unknown, streamPosition: number): StoredEvent => ({
  ...envelope,
  eventId: `${streamId}@${streamPosition}`,
  correlationId: `${streamId}@${streamPosition}`,
  type,
  data,
  streamId,
  streamPosition,
  globalPosition: 1,
  checkpoint: '1',
});

const columnsOf = (event: StoredEvent) => {
  const writes = invitesListProjection.project(event);
  expect(writes).toEqual([
    expect.objectContaining({
      kind: 'upsert',
      accountId,
      rowId: inviteId,
      source: { streamId, streamPosition: event.streamPosition },
    }),
  ]);
  return writes[0].kind === 'upsert' ? writes[0].columns : {};
};

const invitee = {
  email: 'ann@example.com',
  firstName: 'Ann',
  lastName: null,
  language: 'en',
  timeZone: 'UTC',
};

describe('invitesListProjection', () => {
  it('declares exactly the invite event types it has reducers for', () => {
    expect([...invitesListProjection.handles].sort()).toEqual([
      'InviteAccepted',
      'InviteResent',
      'InviteRevoked',
      'UserInvited',
    ]);
  });

  it('lists an invite as pending, with its inviter, send time and deadline, never its access controls', () => {
    const data = {
      inviteId,
      accountId,
      invitee,
      roles: ['developer'],
      accessControls: { ipSafelist: ['10.0.0.1'] },
      invitedBy: 'admin-1',
      sendId: 's1',
      expiresAt: '2026-12-08T00:00:00.000Z',
    };
    expect(columnsOf(stored('UserInvited', data, 0))).toEqual({
      email: 'ann@example.com',
      firstName: 'Ann',
      lastName: null,
      roles: ['developer'],
      invitedBy: 'admin-1',
      invitedAt: at,
      lastSentAt: at,
      expiresAt: '2026-12-08T00:00:00.000Z',
      status: 'pending',
      userId: null,
    });
  });

  it('moves the last send and the deadline on a resend, keeping the invite time', () => {
    const resent = stored(
      'InviteResent',
      { inviteId, sendId: 's2', expiresAt: '2026-12-09T00:00:00.000Z' },
      1,
    );
    expect(columnsOf(resent)).toEqual({ lastSentAt: at, expiresAt: '2026-12-09T00:00:00.000Z' });
  });

  it('marks revoked and accepted invites, an accepted one with its user', () => {
    expect(columnsOf(stored('InviteRevoked', { inviteId }, 1))).toEqual({ status: 'revoked' });
    const accepted = stored(
      'InviteAccepted',
      { inviteId, userId: inviteId, roles: [], accessControls: null },
      1,
    );
    expect(columnsOf(accepted)).toEqual({ status: 'accepted', userId: inviteId });
  });

  it('writes nothing for the email guard, settings or other contexts’ events', () => {
    for (const type of ['InviteEmailClaimed', 'InviteSettingsChanged', 'UserCreated'])
      expect(invitesListProjection.project(stored(type, { inviteId }, 0))).toEqual([]);
  });
});

describe('an invite’s status at a query’s time', () => {
  const deadline = '2026-12-08T00:00:00.000Z';
  const row = (status: string) => ({
    id: inviteId,
    email: 'ann@example.com',
    firstName: null,
    lastName: null,
    roles: [],
    invitedBy: 'admin-1',
    invitedAt: at,
    lastSentAt: at,
    expiresAt: deadline,
    status,
    userId: null,
  });
  const justBefore = new Date(Date.parse(deadline) - 1);
  const atDeadline = new Date(deadline);

  it('shows a pending invite as expired from its deadline on, as acceptance refuses it', () => {
    expect(toInviteRow(row('pending'), justBefore).status).toBe('pending');
    expect(toInviteRow(row('pending'), atDeadline)).toMatchObject({ inviteId, status: 'expired' });
    expect(toInviteRow(row('revoked'), atDeadline).status).toBe('revoked');
  });

  it('selects live pending invites past `now` and expired ones up to it, on the deadline key', () => {
    const key = timeKey(deadline);
    const inRange = (filter: ReturnType<typeof inviteStatusFilter>) =>
      filter.ranges.every((range) => range.sort === 'expires' && range.min <= key && key <= range.max);
    expect(inviteStatusFilter('pending', justBefore)).toMatchObject({ anyOf: [['status:pending']] });
    expect(inRange(inviteStatusFilter('pending', justBefore))).toBe(true);
    expect(inRange(inviteStatusFilter('expired', justBefore))).toBe(false);
    expect(inRange(inviteStatusFilter('pending', atDeadline))).toBe(false);
    expect(inRange(inviteStatusFilter('expired', atDeadline))).toBe(true);
    expect(inviteStatusFilter('accepted', atDeadline)).toEqual({ anyOf: [['status:accepted']], ranges: [] });
    expect(inviteStatusFilter(undefined, atDeadline)).toEqual({ anyOf: [], ranges: [] });
  });
});

import type { DomainEvent } from '@gatehouse/contracts';
import { InMemoryEventStore, toNewEvent } from '@gatehouse/event-store';
import { InvitesList } from './invites-list';

const accountId = 'a1';
const invitee = {
  email: 'ann@example.com',
  firstName: null,
  lastName: null,
  language: 'en',
  timeZone: 'UTC',
} as const;
const at = (iso: string) => ({
  accountId,
  actor: 'admin',
  correlationId: 'c',
  causationId: null,
  now: new Date(iso),
});
const invited = (inviteId: string, expiresAt: string): DomainEvent => ({
  type: 'UserInvited',
  data: {
    inviteId,
    accountId,
    invitee,
    roles: ['developer'],
    accessControls: null,
    invitedBy: 'admin',
    sendId: 's1',
    expiresAt,
  },
});

describe('the invites list', () => {
  let store: InMemoryEventStore;
  let list: InvitesList;
  const append = async (inviteId: string, event: DomainEvent, when: string) => {
    const stored = await store.readStream(`invite-${inviteId}`);
    await store.append(
      `invite-${inviteId}`,
      [{ ...toNewEvent(event, at(when)), occurredAt: when }],
      stored.length - 1,
    );
  };
  beforeEach(async () => {
    store = new InMemoryEventStore();
    list = new InvitesList(store);
    await append('i1', invited('i1', '2026-12-08T00:00:00.000Z'), '2026-12-01T00:00:00.000Z');
    await append('i2', invited('i2', '2026-12-02T00:00:00.000Z'), '2026-12-01T01:00:00.000Z');
    await append('i3', invited('i3', '2026-12-08T00:00:00.000Z'), '2026-12-01T02:00:00.000Z');
    await append('i3', { type: 'InviteRevoked', data: { inviteId: 'i3' } }, '2026-12-01T03:00:00.000Z');
  });
  const now = new Date('2026-12-03T00:00:00.000Z');

  it('shows each invite with its inviter, times and status, expired past its deadline', async () => {
    const page = await list.page(accountId, { limit: 10 }, now);
    expect(page.items.map((row) => [row.inviteId, row.status])).toEqual([
      ['i1', 'pending'],
      ['i2', 'expired'],
      ['i3', 'revoked'],
    ]);
    expect(page.items[0]).toMatchObject({
      invitedBy: 'admin',
      invitedAt: '2026-12-01T00:00:00.000Z',
      lastSentAt: '2026-12-01T00:00:00.000Z',
    });
  });
  it('moves the last send and the deadline on a resend, and shows what was stored since the last query', async () => {
    await list.page(accountId, { limit: 10 }, now);
    const resent = {
      type: 'InviteResent',
      data: { inviteId: 'i2', sendId: 's2', expiresAt: '2026-12-09T00:00:00.000Z' },
    };
    await append('i2', resent, '2026-12-02T12:00:00.000Z');
    const page = await list.page(accountId, { status: 'pending', limit: 10 }, now);
    expect(page.items.map((row) => [row.inviteId, row.lastSentAt])).toEqual([
      ['i1', '2026-12-01T00:00:00.000Z'],
      ['i2', '2026-12-02T12:00:00.000Z'],
    ]);
  });
  it('pages by cursor and never shows another account', async () => {
    const first = await list.page(accountId, { limit: 2 }, now);
    expect(first.nextCursor).toBe('i2');
    const second = await list.page(accountId, { cursor: first.nextCursor ?? undefined, limit: 2 }, now);
    expect(second).toEqual({ items: [expect.objectContaining({ inviteId: 'i3' })], nextCursor: null });
    expect((await list.page('a2', { limit: 10 }, now)).items).toEqual([]);
  });
});

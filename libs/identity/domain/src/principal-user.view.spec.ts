import type { UserEvent } from '@gatehouse/contracts';
import { initialAccessPending, principalUserView } from './principal-user.view';

const createdWith = (accessControls: { ipSafelist?: string[]; apiAccess?: string[] } | null): UserEvent => ({
  type: 'UserCreated',
  data: {
    userId: 'u1',
    accountId: 'a1',
    firstName: 'Ida',
    lastName: 'Rhodes',
    email: 'ida@example.com',
    username: 'ida',
    mobile: null,
    language: 'en',
    timeZone: 'UTC',
    roles: [],
    invite: { inviteId: 'u1', accessControls },
  },
});
const userAfter = (event: UserEvent) => principalUserView.evolve(principalUserView.initialState(), event);

describe('an invitee whose invite carried access controls', () => {
  it('waits for them while the access stream is empty, with a safelist or API access', () => {
    expect(initialAccessPending(userAfter(createdWith({ ipSafelist: ['203.0.113.0/24'] })), -1)).toBe(true);
    expect(initialAccessPending(userAfter(createdWith({ apiAccess: ['smpp'] })), -1)).toBe(true);
  });

  it('waits no more once the access stream has an event', () => {
    expect(initialAccessPending(userAfter(createdWith({ ipSafelist: ['203.0.113.0/24'] })), 0)).toBe(false);
  });

  it('waits likewise for the controls of the admin who created the user', () => {
    const created = createdWith(null) as Extract<UserEvent, { type: 'UserCreated' }>;
    const withControls: UserEvent = {
      type: 'UserCreated',
      data: { ...created.data, invite: undefined, accessControls: { ipSafelist: ['203.0.113.0/24'] } },
    };
    expect(initialAccessPending(userAfter(withControls), -1)).toBe(true);
    expect(initialAccessPending(userAfter(withControls), 0)).toBe(false);
  });

  it('never waits for an invite without controls, nor for a user an admin created without', () => {
    expect(initialAccessPending(userAfter(createdWith(null)), -1)).toBe(false);
    expect(initialAccessPending(userAfter(createdWith({ ipSafelist: [], apiAccess: [] })), -1)).toBe(false);
    const created = createdWith(null) as Extract<UserEvent, { type: 'UserCreated' }>;
    const adminCreated: UserEvent = { type: 'UserCreated', data: { ...created.data, invite: undefined } };
    expect(initialAccessPending(userAfter(adminCreated), -1)).toBe(false);
    expect(initialAccessPending(principalUserView.initialState(), -1)).toBe(false);
  });
});

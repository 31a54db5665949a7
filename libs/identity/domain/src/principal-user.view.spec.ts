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

describe("a user's mobile number, for 2FA by SMS or voice", () => {
  const created = createdWith(null) as Extract<UserEvent, { type: 'UserCreated' }>;
  const mobileChange = (from: string | null, to: string | null): UserEvent => ({
    type: 'UserContactInfoChanged',
    data: { userId: 'u1', changes: { mobile: { from, to } } },
  });
  const hasMobile = (...events: UserEvent[]) => {
    const user = events.reduce(principalUserView.evolve, principalUserView.initialState());
    return user.exists && user.hasMobile;
  };

  it('follows the number given at creation and every change of it', () => {
    expect(hasMobile(created)).toBe(false);
    const withMobile: UserEvent = { ...created, data: { ...created.data, mobile: '+15550100' } };
    expect(hasMobile(withMobile)).toBe(true);
    expect(hasMobile(created, mobileChange(null, '+15550100'))).toBe(true);
    expect(hasMobile(withMobile, mobileChange('+15550100', null))).toBe(false);
  });
  it('is not moved by a change of the email alone', () => {
    const emailOnly: UserEvent = {
      type: 'UserContactInfoChanged',
      data: { userId: 'u1', changes: { email: { from: 'ida@example.com', to: 'ida@example.org' } } },
    };
    expect(hasMobile(created, mobileChange(null, '+15550100'), emailOnly)).toBe(true);
  });
});

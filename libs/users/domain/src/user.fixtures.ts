import type { UserCreated, UserEvent, UserProfile } from '@gatehouse/contracts';
import { defaultAccountSettings } from './account.decider';

/** Events and facts shared by the user decider specs. */
export const profile: UserProfile = {
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada@example.com',
  username: 'ada',
  mobile: null,
  language: 'en',
  timeZone: 'Europe/London',
};
export const created: UserCreated = {
  type: 'UserCreated',
  data: { userId: 'u1', accountId: 'a1', ...profile, roles: [] },
};
export const loggedIn = (sessionId: string): UserEvent => ({
  type: 'UserLoginSucceeded',
  data: { userId: 'u1', sessionId, ip: '::1', channel: 'password' },
});
export const disabled: UserEvent = { type: 'UserDisabled', data: { userId: 'u1' } };
export const locked = (at: string, failures = 5): UserEvent => ({
  type: 'UserLocked',
  data: { userId: 'u1', failures, at },
});
export const { passwordPolicy: policy, lockout } = defaultAccountSettings;
/** Meets the default policy (12+ characters, 3+ classes); made per run, so no usable password is committed. */
export const strongPassword = `Str0ng-${Math.random().toString(36).slice(2, 10).padEnd(8, '0')}!`;

import { deciderSpec } from '@gatehouse/testing';
import { fold } from '@gatehouse/domain-kit';
import {
  accountDecider,
  accountSettingsOf,
  type ChangeAccountSettings,
  defaultAccountSettings,
} from './account.decider';

const spec = deciderSpec(accountDecider);
const create = { type: 'CreateAccount' as const, accountId: 'a1', name: 'Acme', firstAdminId: 'u1' };
const created = {
  type: 'AccountCreated' as const,
  data: { accountId: 'a1', name: 'Acme', firstAdminId: 'u1' },
};
const stricter = {
  passwordPolicy: { minLength: 16, minCharacterClasses: 4 },
  lockout: { maxFailures: 5, windowMinutes: 15 },
};
const change = (settings: ChangeAccountSettings['settings'] = stricter) => ({
  type: 'ChangeAccountSettings' as const,
  accountId: 'a1',
  settings,
});
const changed = {
  type: 'AccountSettingsChanged' as const,
  data: {
    accountId: 'a1',
    changes: { passwordPolicy: { from: defaultAccountSettings.passwordPolicy, to: stricter.passwordPolicy } },
  },
};

describe('account decider', () => {
  it('opens a new account with its first admin', () => {
    spec.given([]).when(create).then([created]);
  });
  it('refuses to open an account twice', () => {
    spec.given([created]).when(create).thenThrows('ACCOUNT_ALREADY_EXISTS');
  });

  describe('settings', () => {
    it('starts every account with 12 characters of 3 classes, 5 failures in 15 minutes, sessions of 30 idle minutes and 12 hours', () => {
      const state = fold(accountDecider.evolve, accountDecider.initialState(), [created]);
      expect(accountSettingsOf(state)).toEqual({
        passwordPolicy: { minLength: 12, minCharacterClasses: 3 },
        lockout: { maxFailures: 5, windowMinutes: 15 },
        sessions: { idleTimeoutMinutes: 30, absoluteLifetimeMinutes: 720 },
      });
    });
    it('records a new session policy, and keeps it when a later change leaves it out', () => {
      const sessions = { idleTimeoutMinutes: 5, absoluteLifetimeMinutes: 60 };
      const policyChanged = {
        type: 'AccountSettingsChanged' as const,
        data: {
          accountId: 'a1',
          changes: { sessions: { from: defaultAccountSettings.sessions, to: sessions } },
        },
      };
      spec
        .given([created])
        .when(change({ ...defaultAccountSettings, sessions }))
        .then([policyChanged]);
      const { passwordPolicy, lockout } = defaultAccountSettings;
      spec.given([created, policyChanged]).when(change({ passwordPolicy, lockout })).then([]);
      const state = fold(accountDecider.evolve, accountDecider.initialState(), [created, policyChanged]);
      expect(accountSettingsOf(state).sessions).toEqual(sessions);
    });
    it('records only the settings that change, with previous and new values', () => {
      spec.given([created]).when(change()).then([changed]);
    });
    it('records nothing when the settings are already as asked, in any key order', () => {
      const reordered = {
        lockout: { windowMinutes: 15, maxFailures: 5 },
        passwordPolicy: { minCharacterClasses: 4, minLength: 16 },
      };
      spec.given([created, changed]).when(change(reordered)).then([]);
    });
    it('keeps the changed settings in force', () => {
      const state = fold(accountDecider.evolve, accountDecider.initialState(), [created, changed]);
      expect(accountSettingsOf(state)).toEqual({ ...stricter, sessions: defaultAccountSettings.sessions });
    });
    it('refuses settings for an account that does not exist', () => {
      spec.given([]).when(change()).thenThrows('ACCOUNT_NOT_FOUND');
    });
  });
});

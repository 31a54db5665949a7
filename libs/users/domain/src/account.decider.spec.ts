import { deciderSpec } from '@gatehouse/testing';
import { fold } from '@gatehouse/domain-kit';
import { accountDecider, accountSettingsOf, defaultAccountSettings } from './account.decider';

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
const change = (settings = stricter) => ({
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
    it('starts every account with 12 characters of 3 classes and 5 failures in 15 minutes', () => {
      const state = fold(accountDecider.evolve, accountDecider.initialState(), [created]);
      expect(accountSettingsOf(state)).toEqual({
        passwordPolicy: { minLength: 12, minCharacterClasses: 3 },
        lockout: { maxFailures: 5, windowMinutes: 15 },
      });
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
      expect(accountSettingsOf(state)).toEqual(stricter);
    });
    it('refuses settings for an account that does not exist', () => {
      spec.given([]).when(change()).thenThrows('ACCOUNT_NOT_FOUND');
    });
  });
});

import type { AccountEvent, AccountSettings, AccountSettingsChanged } from '@gatehouse/contracts';
import { assertNever, type Decider } from '@gatehouse/domain-kit';
import { defaultSessionPolicy } from '@gatehouse/identity-domain';
import { UserErrors } from './user.errors';

export type CreateAccount = {
  readonly type: 'CreateAccount';
  readonly accountId: string;
  readonly name: string;
  readonly firstAdminId: string;
};

/**
 * Replaces the account's settings as a whole (PUT); only what differs is recorded. The session policy may
 * be left out (it keeps its value), so clients written before it existed still save the other settings.
 */
export type ChangeAccountSettings = {
  readonly type: 'ChangeAccountSettings';
  readonly accountId: string;
  readonly settings: Omit<AccountSettings, 'sessions'> & Partial<Pick<AccountSettings, 'sessions'>>;
};

export type AccountCommand = CreateAccount | ChangeAccountSettings;

export type AccountState =
  | { readonly status: 'none' }
  | { readonly status: 'open'; readonly name: string; readonly settings: AccountSettings };

/**
 * Every account starts with these: 12 characters mixing 3 of 4 classes; 5 failed logins in 15 minutes
 * lock; sessions end after 30 idle minutes or 12 hours.
 */
export const defaultAccountSettings: AccountSettings = {
  passwordPolicy: { minLength: 12, minCharacterClasses: 3 },
  lockout: { maxFailures: 5, windowMinutes: 15 },
  sessions: defaultSessionPolicy,
};

/** The settings in force: an account that is not (yet) known here gets the defaults. */
export const accountSettingsOf = (state: AccountState): AccountSettings =>
  state.status === 'open' ? state.settings : defaultAccountSettings;

export const accountDecider: Decider<AccountCommand, AccountState, AccountEvent> = {
  initialState: () => ({ status: 'none' }),
  decide(command, state) {
    switch (command.type) {
      case 'CreateAccount': {
        if (state.status !== 'none') throw UserErrors.accountAlreadyExists();
        const { accountId, name, firstAdminId } = command;
        return [{ type: 'AccountCreated', data: { accountId, name, firstAdminId } }];
      }
      case 'ChangeAccountSettings':
        if (state.status === 'none') throw UserErrors.accountNotFound();
        return settingsChanged(command, state.settings);
      default:
        return assertNever(command);
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'AccountCreated':
        return { status: 'open', name: event.data.name, settings: defaultAccountSettings };
      case 'AccountSettingsChanged': {
        if (state.status === 'none') return state;
        const updates = Object.fromEntries(
          Object.entries(event.data.changes).map(([key, c]) => [key, c?.to]),
        );
        return { ...state, settings: { ...state.settings, ...updates } };
      }
      default:
        return assertNever(event);
    }
  },
};

function settingsChanged(command: ChangeAccountSettings, current: AccountSettings): AccountSettingsChanged[] {
  const given = { ...current, ...command.settings };
  const keys = (Object.keys(command.settings) as (keyof AccountSettings)[]).filter(
    (key) => !sameFields(given[key], current[key]),
  );
  if (keys.length === 0) return [];
  const changes = Object.fromEntries(keys.map((key) => [key, { from: current[key], to: given[key] }]));
  return [{ type: 'AccountSettingsChanged', data: { accountId: command.accountId, changes } }];
}

function sameFields<T extends object>(a: T, b: T): boolean {
  const keys = Object.keys(a) as (keyof T)[];
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

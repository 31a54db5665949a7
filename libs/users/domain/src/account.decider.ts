import type { AccountEvent } from '@gatehouse/contracts';
import type { Decider } from '@gatehouse/domain-kit';
import { UserErrors } from './user.errors';

export type CreateAccount = {
  readonly type: 'CreateAccount';
  readonly accountId: string;
  readonly name: string;
  readonly firstAdminId: string;
};

export type AccountState = { readonly status: 'none' } | { readonly status: 'open'; readonly name: string };

export const accountDecider: Decider<CreateAccount, AccountState, AccountEvent> = {
  initialState: () => ({ status: 'none' }),
  decide(command, state) {
    if (state.status !== 'none') throw UserErrors.accountAlreadyExists();
    const { accountId, name, firstAdminId } = command;
    return [{ type: 'AccountCreated', data: { accountId, name, firstAdminId } }];
  },
  evolve: (_state, event) => ({ status: 'open', name: event.data.name }),
};

export const accountStreamId = (accountId: string): string => `account-${accountId}`;

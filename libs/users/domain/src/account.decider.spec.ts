import { deciderSpec } from '@gatehouse/testing';
import { accountDecider } from './account.decider';

const spec = deciderSpec(accountDecider);
const create = { type: 'CreateAccount' as const, accountId: 'a1', name: 'Acme', firstAdminId: 'u1' };
const created = {
  type: 'AccountCreated' as const,
  data: { accountId: 'a1', name: 'Acme', firstAdminId: 'u1' },
};

describe('account decider', () => {
  it('opens a new account with its first admin', () => {
    spec.given([]).when(create).then([created]);
  });
  it('refuses to open an account twice', () => {
    spec.given([created]).when(create).thenThrows('ACCOUNT_ALREADY_EXISTS');
  });
});

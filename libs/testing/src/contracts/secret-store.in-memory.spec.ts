import { InMemorySecretStore } from '@gatehouse/secrets';
import { secretStoreContract } from './secret-store.contract';

secretStoreContract('in-memory', async () => ({
  store: new InMemorySecretStore(),
  cleanup: async () => undefined,
}));

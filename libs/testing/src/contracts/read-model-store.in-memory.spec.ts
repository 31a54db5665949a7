import { InMemoryReadModelStore } from '@gatehouse/read-models';
import { readModelInvitesContract } from './read-model-invites.contract';
import { readModelLoadContract } from './read-model-load.contract';
import { readModelQueryContract } from './read-model-query.contract';
import { readModelStoreContract } from './read-model-store.contract';

readModelStoreContract('in memory', () => new InMemoryReadModelStore());
readModelQueryContract('in memory', () => new InMemoryReadModelStore());
readModelInvitesContract('in memory', () => new InMemoryReadModelStore());
readModelLoadContract('in memory', () => new InMemoryReadModelStore());

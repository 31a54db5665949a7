import { InMemoryReadModelStore } from '@gatehouse/read-models';
import { readModelEquivalenceContract } from './read-model-equivalence.contract';
import { readModelInvitesContract } from './read-model-invites.contract';
import { readModelLoadContract } from './read-model-load.contract';
import { readModelQueryContract } from './read-model-query.contract';
import { readModelStoreContract } from './read-model-store.contract';

readModelStoreContract('in memory', () => new InMemoryReadModelStore());
readModelQueryContract('in memory', () => new InMemoryReadModelStore());
readModelInvitesContract('in memory', () => new InMemoryReadModelStore());
readModelLoadContract('in memory', () => new InMemoryReadModelStore());
// Against itself its rows agree by definition; paging under writes still has to hold.
readModelEquivalenceContract('in memory', () => new InMemoryReadModelStore());

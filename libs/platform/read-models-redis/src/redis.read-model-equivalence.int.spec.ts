import {
  readModelEquivalenceContract,
  readModelInvitesEquivalenceContract,
  testEnv,
  uniqueName,
} from '@gatehouse/testing';
import { RedisReadModelStore, type RedisReadModelStoreOptions } from './redis.read-model-store';

// Any history and query against the in-memory store, on both declarations: as the store plans by default,
// walking every filtered query, and walking so few members a page that pages come short and resume.
const configurations: [string, RedisReadModelStoreOptions][] = [
  ['redis', {}],
  ['redis, walking the order', { readUpTo: 0 }],
  ['redis, walking a few members a page', { readUpTo: 0, walkBudget: 3, countBudget: 2 }],
];
for (const [name, options] of configurations) {
  const fresh = () =>
    new RedisReadModelStore(testEnv.redisUrl, { keyPrefix: `${uniqueName('rm')}:`, ...options });
  readModelEquivalenceContract(name, fresh);
  readModelInvitesEquivalenceContract(name, fresh);
}

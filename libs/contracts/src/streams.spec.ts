import {
  accountAdminsStreamId,
  refusalsStreamId,
  roleAssignmentsStreamId,
  roleCatalogStreamId,
  StreamOwners,
  userStreamId,
} from './streams';
import { topicForStream } from './topics';

/** A stream of every kind a service writes today; each new context adds its own. */
const written = [
  userStreamId('u1'),
  `username-hmac-${'0'.repeat(64)}`,
  'account-a1',
  roleAssignmentsStreamId('u1'),
  roleCatalogStreamId('a1'),
  accountAdminsStreamId('a1'),
  'invite-i1',
  `invite-email-${'0'.repeat(64)}`,
  'invite-settings-a1',
  'access-u1',
  refusalsStreamId('u1'),
];

describe('stream ownership', () => {
  it.each(written)('gives %s exactly one writing service, and a topic', (streamId) => {
    const owners = Object.entries(StreamOwners).filter(([, prefixes]) =>
      prefixes.some((prefix) => streamId.startsWith(prefix)),
    );
    expect(owners).toHaveLength(1);
    expect(() => topicForStream(streamId)).not.toThrow();
  });

  it('lets no prefix of one service be a prefix of another service’s streams', () => {
    const all = Object.entries(StreamOwners).flatMap(([service, prefixes]) =>
      prefixes.map((prefix) => ({ service, prefix })),
    );
    for (const a of all) {
      for (const b of all) {
        if (a.service !== b.service) expect(b.prefix.startsWith(a.prefix)).toBe(false);
      }
    }
  });
});

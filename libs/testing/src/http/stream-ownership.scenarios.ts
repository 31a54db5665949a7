import { StreamOwners } from '@gatehouse/contracts';
import { escapeIdentifier } from 'pg';
import type { DistributedStack, ServiceName } from '../infra/distributed-stack';
import { withClient } from '../infra/pg-events';

/**
 * Who may append to which streams: each service binds its store through `ownedStreams` with its row of
 * `StreamOwners` and the shared edge's (`refusals-`, which every service's edge records to); the
 * projections service owns only the edge's, the relay none.
 */
const ownersOf = (streamId: string): string[] =>
  Object.entries(StreamOwners)
    .filter(([, prefixes]) => prefixes.some((prefix) => streamId.startsWith(prefix)))
    .map(([context]) => context);

/**
 * Run last, after every scenario of the distributed mode: each service wrote only its own context's
 * streams. An append to another context's stream is refused by the service's store (NOT_OWNED_STREAM)
 * and so shows in its log; a stream no one owns, or owned twice, means a context's prefix is missing or
 * overlapping here or in a service module.
 */
export function streamOwnershipScenarios(stack: () => DistributedStack): void {
  describe('after every scenario, the streams each service wrote', () => {
    it('belong each to exactly one context', async () => {
      const schema = escapeIdentifier(stack().name);
      const { rows } = await withClient((client) =>
        client.query<{ stream_id: string }>(`SELECT DISTINCT stream_id FROM ${schema}.gh_events`),
      );
      const streams = rows.map((row) => row.stream_id);
      expect(streams.some((streamId) => streamId.startsWith('access-'))).toBe(true);
      expect(streams.some((streamId) => streamId.startsWith('refusals-'))).toBe(true);
      expect(streams.filter((streamId) => ownersOf(streamId).length !== 1)).toEqual([]);
    });

    it('never had an append to another context refused in any service', () => {
      const services: ServiceName[] = ['users', 'roles', 'invites', 'access-control', 'projections', 'relay'];
      const refused = services.filter((service) =>
        /does not own stream|NOT_OWNED_STREAM/.test(stack().logs(service)),
      );
      expect(refused).toEqual([]);
    });
  });
}

import type { DynamicModule } from '@nestjs/common';
import { openings, routeTable, unguarded } from './route-table';

/**
 * The check every runtime runs over its own module tree: no route is reachable without a guard, and
 * the routes open to callers without a user's credential are exactly the reviewed ones, so marking a
 * new route @Public() shows up in review as a change to this list.
 */
export function denyByDefaultSpec(
  runtime: string,
  module: () => DynamicModule,
  reviewedOpenings: readonly string[],
): void {
  describe(`the ${runtime}'s routes`, () => {
    it('are each behind the edge guard or marked as open', async () => {
      expect(unguarded(await routeTable(module()))).toEqual([]);
    });

    it('open only the reviewed public routes and routes with a guard of their own', async () => {
      expect(openings(await routeTable(module()))).toEqual([...reviewedOpenings].sort());
    });
  });
}

/** Every runtime serves these to orchestrators and scrapers. */
export const operationsOpenings = ['GET /health (public)', 'GET /metrics (public)', 'GET /ready (public)'];

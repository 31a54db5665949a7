import { type ReadinessCheck, readinessCheck } from '@gatehouse/operations';
import type { ReadModelStore } from '@gatehouse/read-models';
import type { ProjectionRunner } from './projection-runner';
import { projections } from './projections';

/**
 * Ready once every read model has a serving generation, rebuilding or not (the old one serves meanwhile);
 * the details say which generations serve, whether a rebuild runs, how many events it replayed and how
 * far behind the store's newest event it is.
 */
export const readModelsReadiness = (store: ReadModelStore, runner: ProjectionRunner): ReadinessCheck =>
  readinessCheck('read-models', async () => {
    const serving = await Promise.all(
      projections.map(
        async ({ declaration }) => [declaration.name, await store.current(declaration)] as const,
      ),
    );
    const { rebuilding, replayedEvents, lagMs } = runner.status;
    const empty = serving.filter(([, generation]) => generation === null).map(([name]) => name);
    if (empty.length > 0)
      throw new Error(
        `rebuilding ${empty.join(', ')}: ${replayedEvents} events replayed, ${lagMs ?? '?'} ms behind`,
      );
    return { generations: Object.fromEntries(serving), rebuilding, replayedEvents, lagMs };
  });

import type { StoredEvent } from '@gatehouse/contracts';
import type { Projection, ReadModelDeclaration } from '@gatehouse/read-model-kit';
import type { ReadModelStore } from '@gatehouse/read-models';
import type { ReadModelRebuild } from './read-model-rebuild';

/**
 * How long a hold on a generation lasts. The keeper renews its holds every third of it, so a hold lapses
 * only when the process holding it has gone, or stalled for two thirds of it.
 */
export const HOLD_MS = 60_000;

/**
 * Holds the generations this process serves or builds, and sweeps the model's generations nobody holds any
 * longer: an old one once its grace after a switch has passed, one a crashed rebuild was filling, and a
 * previous declaration's once its deployment has stopped. A model left with no generation (another
 * declaration's sweep took it) is rebuilt.
 */
export class GenerationKeeper {
  constructor(
    private readonly store: ReadModelStore,
    private readonly projections: readonly Projection<StoredEvent>[],
    private readonly rebuilds: ReadModelRebuild,
    private readonly rebuild: () => void,
  ) {}

  /** Returns the generations swept, by model name. */
  async keep(now: number): Promise<Record<string, number[]>> {
    const swept: Record<string, number[]> = {};
    let lost = false;
    for (const { declaration } of this.projections) {
      const serving = await this.store.current(declaration);
      const building = this.rebuilds.building(declaration);
      if (serving === null) lost = true;
      const held = [serving, building].filter((generation): generation is number => generation !== null);
      await this.store.hold(declaration, held, now + HOLD_MS);
      const dropped = await this.store.sweep(declaration, now);
      if (dropped.length > 0) swept[declaration.name] = dropped;
    }
    if (lost && !this.rebuilds.isRunning) this.rebuild();
    return swept;
  }
}

/**
 * Yields `source` while holding `generation`, renewed every third of HOLD_MS by a timer (a slow client may
 * leave a chunk unread for longer than a hold), so an export outlives a switch and the sweep after it.
 */
export async function* heldWhileRead<T>(
  store: ReadModelStore,
  declaration: ReadModelDeclaration,
  generation: number,
  source: AsyncIterable<T>,
): AsyncGenerator<T> {
  const hold = () => store.hold(declaration, [generation], Date.now() + HOLD_MS);
  await hold();
  const renewing = setInterval(() => void hold().catch(() => undefined), HOLD_MS / 3).unref();
  try {
    yield* source;
  } finally {
    clearInterval(renewing);
  }
}

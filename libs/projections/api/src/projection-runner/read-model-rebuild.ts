import type { StoredEvent } from '@gatehouse/contracts';
import { type EventStore, START } from '@gatehouse/event-store';
import type { Projection, ReadModelDeclaration } from '@gatehouse/read-model-kit';
import type { ReadModelStore } from '@gatehouse/read-models';
import { HOLD_MS } from './generation-keeper';
import type { SwitchLock } from './switch-lock';

export interface RebuildStatus {
  readonly rebuilding: boolean;
  /** Events of the store replayed by the running (or last) rebuild. */
  readonly replayedEvents: number;
  /** How far the replay is behind: now minus the time of the last event it applied, in ms. */
  readonly lagMs: number | null;
  readonly generations: Readonly<Record<string, number>>;
}

export interface RebuildOptions {
  /** How long an old generation is held past the switch, for exports reading it; default five minutes. */
  readonly graceMs?: number;
  readonly batchSize?: number;
}

/**
 * Rebuilds every read model from the store without downtime: loads all events into fresh generations
 * while the current ones serve (in bulk: nobody else writes them, see ReadModelStore.load), indexes them,
 * applies what arrived meanwhile; then takes the switch lock (live batches pause), applies what arrived
 * since, switches each model in one step and releases; the old generations are held for a grace period,
 * then swept (GenerationKeeper). Live events applied again to the new generation are skipped by their
 * stream positions. A rebuild that fails drops its generations; one cut short by a crash stops holding
 * them, and they are swept (the next rebuild takes new numbers).
 */
export class ReadModelRebuild {
  private running: Promise<void> | null = null;
  private state: RebuildStatus = { rebuilding: false, replayedEvents: 0, lagMs: null, generations: {} };
  private targets: readonly { projection: Projection<StoredEvent>; generation: number }[] = [];

  constructor(
    private readonly events: EventStore,
    private readonly store: ReadModelStore,
    private readonly projections: readonly Projection<StoredEvent>[],
    private readonly lock: SwitchLock,
    private readonly options: RebuildOptions = {},
  ) {}

  get status(): RebuildStatus {
    return this.state;
  }

  /** Whether a rebuild runs (from its first step, before it has generations). */
  get isRunning(): boolean {
    return this.running !== null;
  }

  /** The generation the running rebuild fills for `declaration`, if any. */
  building(declaration: ReadModelDeclaration): number | null {
    return this.targets.find((t) => t.projection.declaration.name === declaration.name)?.generation ?? null;
  }

  /** Starts a rebuild, or joins the one running; resolves once switched. */
  run(): Promise<void> {
    this.running ??= this.rebuild().finally(() => {
      this.running = null;
      this.targets = [];
      this.state = { ...this.state, rebuilding: false };
    });
    return this.running;
  }

  /** Waits for a running rebuild to end (shutdown). */
  async close(): Promise<void> {
    await this.running?.catch(() => undefined);
  }

  private async rebuild(): Promise<void> {
    const targets = await Promise.all(
      this.projections.map(async (projection) => {
        const generation = await this.store.createGeneration(projection.declaration);
        await this.store.hold(projection.declaration, [generation], Date.now() + HOLD_MS);
        return { projection, generation };
      }),
    );
    this.targets = targets;
    this.state = { ...this.state, rebuilding: true, replayedEvents: 0, lagMs: null };
    let previous: { declaration: ReadModelDeclaration; old: number | null }[];
    try {
      const loaded = await this.replay(targets, START, 'load');
      await Promise.all(targets.map((t) => this.store.indexLoaded(t.projection.declaration, t.generation)));
      const caughtUp = await this.replay(targets, loaded, 'apply');
      previous = await this.lock.exclusively(async () => {
        await this.replay(targets, caughtUp, 'apply');
        return Promise.all(
          targets.map(async ({ projection: { declaration }, generation }) => {
            const old = await this.store.current(declaration);
            await this.store.switchTo(declaration, generation);
            return { declaration, old };
          }),
        );
      });
    } catch (error) {
      // Those not switched to are read by nobody. Should dropping fail too, the rebuild's error is the news.
      await Promise.all(
        targets.map(async ({ projection: { declaration }, generation }) => {
          if ((await this.store.current(declaration)) !== generation)
            await this.store.dropGeneration(declaration, generation);
        }),
      ).catch(() => undefined);
      throw error;
    }
    this.state = {
      ...this.state,
      generations: Object.fromEntries(targets.map((t) => [t.projection.declaration.name, t.generation])),
    };
    const graceEnds = Date.now() + (this.options.graceMs ?? 300_000);
    await Promise.all(
      previous.flatMap(({ declaration, old }) =>
        old === null ? [] : [this.store.hold(declaration, [old], graceEnds)],
      ),
    );
  }

  /**
   * Writes the store's events after `from` until it has no more, by `load` (before the generations are
   * indexed) or `apply`; returns the last checkpoint read. Three
   * steps overlap: the store reads the next batch, this process projects the current one, and the read
   * model store applies the previous one (the store applies calls in call order, see ReadModelStore).
   */
  private async replay(
    targets: readonly { projection: Projection<StoredEvent>; generation: number }[],
    from: string,
    write: 'load' | 'apply',
  ): Promise<string> {
    const batchSize = this.options.batchSize ?? 5000;
    let after = from;
    let reading = this.events.readAll({ after, maxCount: batchSize });
    let applying: Promise<unknown> = Promise.resolve();
    for (;;) {
      const batch = await reading;
      if (batch.length === 0) break;
      const last = batch[batch.length - 1];
      after = last.checkpoint;
      const full = batch.length === batchSize;
      if (full) {
        reading = this.events.readAll({ after, maxCount: batchSize });
        // Awaited next round; should applying this batch throw first, its failure must not go unhandled.
        reading.catch(() => undefined);
      }
      const applied = Promise.all(
        targets.map(({ projection, generation }) =>
          this.store[write](projection.declaration, batch.flatMap(projection.project), generation),
        ),
      );
      applied.catch(() => undefined);
      // The previous batch, applied while this one was projected: at most two batches in flight.
      await applying;
      applying = applied.then(() => {
        this.state = {
          ...this.state,
          replayedEvents: this.state.replayedEvents + batch.length,
          lagMs: Math.max(0, Date.now() - Date.parse(last.occurredAt)),
        };
      });
      // Awaited next round or after the loop; a failure meanwhile must not go unhandled.
      applying.catch(() => undefined);
      if (!full) break;
    }
    await applying;
    return after;
  }
}

import type { StoredEvent } from '@gatehouse/contracts';
import { InMemoryEventStore } from '@gatehouse/event-store';
import { InMemoryReadModelStore } from '@gatehouse/read-models';
import { usersListDeclaration as model, usersListProjection } from '@gatehouse/users-list';
import { GenerationKeeper, HOLD_MS } from './generation-keeper';
import { ReadModelRebuild } from './read-model-rebuild';
import { SwitchLock } from './switch-lock';

describe('GenerationKeeper', () => {
  let events: InMemoryEventStore;
  let store: InMemoryReadModelStore;
  let rebuilds: ReadModelRebuild;
  let keeper: GenerationKeeper;
  const rebuild = jest.fn();

  beforeEach(async () => {
    events = new InMemoryEventStore();
    store = new InMemoryReadModelStore();
    rebuilds = new ReadModelRebuild(events, store, [usersListProjection], new SwitchLock(), { graceMs: 0 });
    rebuild.mockReset();
    keeper = new GenerationKeeper(store, [usersListProjection], rebuilds, rebuild);
    await store.switchTo(model, await store.createGeneration(model));
  });

  it('sweeps what a crashed rebuild was filling once its hold lapses, never what it serves', async () => {
    const serving = await store.current(model);
    const abandoned = await store.createGeneration(model);
    await store.hold(model, [abandoned], 1_000 + HOLD_MS);

    expect(await keeper.keep(1_000)).toEqual({});
    expect(await keeper.keep(1_000 + HOLD_MS + 1)).toEqual({ [model.name]: [abandoned] });
    expect(await keeper.keep(1e15)).toEqual({});
    expect(await store.current(model)).toBe(serving);
    expect(rebuild).not.toHaveBeenCalled();
  });

  it('holds the generation a running rebuild fills, then the old one until its grace and its last hold as served have ended', async () => {
    const old = await store.current(model);
    let release = () => undefined as void;
    const replaying = new Promise<void>((resolve) => (release = resolve));
    const readAll = events.readAll.bind(events);
    events.readAll = async (options): Promise<StoredEvent[]> => (await replaying, readAll(options));

    const running = rebuilds.run();
    await new Promise((resolve) => setImmediate(resolve));
    const filling = rebuilds.building(model);
    expect(filling).toBe((old as number) + 1);
    const later = Date.now() + 10 * HOLD_MS;
    expect(await keeper.keep(later)).toEqual({});
    release();
    await running;

    expect(rebuilds.building(model)).toBeNull();
    expect(await store.current(model)).toBe(filling);
    expect(await keeper.keep(later + 1)).toEqual({});
    expect(await keeper.keep(later + HOLD_MS + 1)).toEqual({ [model.name]: [old] });
  });

  it('asks for a rebuild when a model has lost its generation, unless one runs', async () => {
    await store.clear(model);
    await keeper.keep(Date.now());
    expect(rebuild).toHaveBeenCalledTimes(1);

    const running = rebuilds.run();
    await keeper.keep(Date.now());
    expect(rebuild).toHaveBeenCalledTimes(1);
    await running;
  });
});

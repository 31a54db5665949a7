import { batchesOfATurn } from './batches-of-a-turn';

describe('batchesOfATurn', () => {
  it('hands the batches of one turn over as one, in the order they came', async () => {
    const calls: number[][] = [];
    const handle = batchesOfATurn<number>(async (items) => {
      calls.push([...items]);
    });
    await Promise.all([handle([1, 2]), Promise.resolve().then(() => handle([3])), handle([4])]);
    expect(calls).toEqual([[1, 2, 4, 3]]);
  });

  it('starts a new call for batches handed over while the last one runs', async () => {
    const calls: number[][] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const handle = batchesOfATurn<number>(async (items) => {
      calls.push([...items]);
      if (calls.length === 1) await held;
    });
    const first = handle([1]);
    await new Promise((resolve) => setImmediate(resolve));
    const second = handle([2]);
    release();
    await Promise.all([first, second]);
    expect(calls).toEqual([[1], [2]]);
  });

  it('fails every batch of the turn when the call fails, and takes the next turn afresh', async () => {
    let failing = true;
    const calls: number[][] = [];
    const handle = batchesOfATurn<number>(async (items) => {
      calls.push([...items]);
      if (failing) throw new Error('redis down');
    });
    const results = await Promise.allSettled([handle([1]), handle([2])]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    failing = false;
    await handle([1, 2]);
    expect(calls).toEqual([
      [1, 2],
      [1, 2],
    ]);
  });
});

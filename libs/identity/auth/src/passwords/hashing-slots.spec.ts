import { setTimeout as sleep } from 'node:timers/promises';
import { eventLoopBusy, HashingSlots } from './hashing-slots';

/** Work that runs until `finish` is called, recording that it started. */
function gatedWork(started: string[], name: string) {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { work: () => (started.push(name), done.then(() => name)), finish: () => finish() };
}

const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('hashing slots', () => {
  it('run as many at once as there are slots while the event loop is idle, in arrival order', async () => {
    const slots = new HashingSlots(2, () => false);
    const started: string[] = [];
    const [a, b, c] = ['a', 'b', 'c'].map((name) => gatedWork(started, name));
    const results = [a, b, c].map(({ work }) => slots.run(work));
    await settled();
    expect(started).toEqual(['a', 'b']);
    a.finish();
    await settled();
    expect(started).toEqual(['a', 'b', 'c']);
    b.finish();
    c.finish();
    await expect(Promise.all(results)).resolves.toEqual(['a', 'b', 'c']);
  });

  it('keep one slot back while the event loop is busy, and give it again once the loop is idle', async () => {
    let busy = true;
    const slots = new HashingSlots(2, () => busy);
    const started: string[] = [];
    const [a, b, c] = ['a', 'b', 'c'].map((name) => gatedWork(started, name));
    const results = [a, b, c].map(({ work }) => slots.run(work));
    await settled();
    expect(started).toEqual(['a']);
    a.finish();
    await settled();
    expect(started).toEqual(['a', 'b']);
    busy = false;
    b.finish();
    await settled();
    expect(started).toEqual(['a', 'b', 'c']);
    c.finish();
    await expect(Promise.all(results)).resolves.toEqual(['a', 'b', 'c']);
  });

  it('always keep one slot open, however busy the loop', async () => {
    const slots = new HashingSlots(1, () => true);
    const started: string[] = [];
    const a = gatedWork(started, 'a');
    const result = slots.run(a.work);
    await settled();
    expect(started).toEqual(['a']);
    a.finish();
    await expect(result).resolves.toBe('a');
  });

  it('free the slot of work that failed', async () => {
    const slots = new HashingSlots(1, () => false);
    await expect(slots.run(() => Promise.reject(new Error('hashing process exited')))).rejects.toThrow(
      'exited',
    );
    await expect(slots.run(async () => 'next')).resolves.toBe('next');
  });

  it('count the event loop busy after a window it spent working, idle after one it spent waiting', async () => {
    const busy = eventLoopBusy();
    for (const until = performance.now() + 150; performance.now() < until; );
    expect(busy()).toBe(true);
    await sleep(150);
    expect(busy()).toBe(false);
  });
});

import { openLoop } from './open-loop';

describe('open-loop generator', () => {
  it('starts operations on the clock, not all at once and not after earlier ones finish', async () => {
    const starts: number[] = [];
    const begun = performance.now();
    // The operations never finish: a closed-loop generator would stall after the first.
    const result = await openLoop({ rate: 500, count: 25 }, (index) => {
      starts[index] = performance.now() - begun;
    });
    expect(result.sent).toBe(25);
    expect(starts).toHaveLength(25);
    // Operation i is due at i × 2 ms; timers may fire late, never early.
    starts.forEach((at, index) => expect(at).toBeGreaterThanOrEqual(index * 2 - 1));
    expect(result.elapsedMs).toBeGreaterThanOrEqual(47);
  });

  it('catches up after a stall by starting at once every operation whose slot has passed', async () => {
    const starts: number[] = [];
    const begun = performance.now();
    const result = await openLoop({ rate: 1000, count: 30 }, (index) => {
      starts[index] = performance.now() - begun;
      if (index === 5) {
        const until = performance.now() + 20;
        while (performance.now() < until); // the process is busy for 20 ms: 20 slots go by
      }
    });
    expect(starts).toHaveLength(30);
    // On the clock, 6 to 25 would span 19 ms; caught up, they start back to back (well under, even when a
    // loaded machine delays a few of them).
    expect(starts[25] - starts[6]).toBeLessThan(19);
    expect(result.maxSlipMs).toBeGreaterThanOrEqual(15);
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    // Unaborted, 1000 operations at 100/s would take 10 s.
    const result = await openLoop({ rate: 100, count: 1000, signal: controller.signal }, () => undefined);
    expect(result.sent).toBeGreaterThan(0);
    expect(result.sent).toBeLessThan(1000);
    expect(result.elapsedMs).toBeLessThan(5000);
  });
});

import { AppendNotices } from './append-notices';

describe('append notices', () => {
  const never = new AbortController().signal;

  it('wakes a waiter on the next append', async () => {
    const notices = new AppendNotices();
    const woken = notices.wait(notices.mark(), 60_000, never);
    notices.notify();
    await expect(woken).resolves.toBeUndefined();
  });

  it('returns at once when an append came between the mark and the wait', async () => {
    const notices = new AppendNotices();
    const mark = notices.mark();
    notices.notify();
    await expect(notices.wait(mark, 60_000, never)).resolves.toBeUndefined();
  });

  it('gives up after maxMs without a notice', async () => {
    const notices = new AppendNotices();
    const began = performance.now();
    await notices.wait(notices.mark(), 20, never);
    expect(performance.now() - began).toBeGreaterThanOrEqual(15);
  });

  it('returns when the signal aborts, and forgets the waiter', async () => {
    const notices = new AppendNotices();
    const controller = new AbortController();
    const woken = notices.wait(notices.mark(), 60_000, controller.signal);
    controller.abort();
    await expect(woken).resolves.toBeUndefined();
    expect((notices as unknown as { waiters: Set<unknown> }).waiters.size).toBe(0);
  });
});

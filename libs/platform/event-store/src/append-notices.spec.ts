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

  describe('to a reader that names the types it acts on', () => {
    const mine = new Set(['UserCreated']);
    /** Settles `wait` into a flag, so a test can tell it has not returned yet. */
    const watched = (wait: Promise<void>) => {
      const state = { woken: false };
      void wait.then(() => (state.woken = true));
      return state;
    };
    const turn = () => new Promise((resolve) => setImmediate(resolve));

    it('is woken by a notice of one of them, not by notices of others alone', async () => {
      const notices = new AppendNotices();
      const waiting = watched(notices.wait(notices.mark(), 60_000, never, mine));
      notices.notify(['UserLoginSucceeded']);
      await turn();
      expect(waiting.woken).toBe(false);
      notices.notify(['UserLoginSucceeded', 'UserCreated']);
      await turn();
      expect(waiting.woken).toBe(true);
    });

    it('returns at once only when a notice of its types came after the mark', async () => {
      const notices = new AppendNotices();
      const mark = notices.mark();
      notices.notify(['UserLoginSucceeded']);
      const waiting = watched(notices.wait(mark, 60_000, never, mine));
      await turn();
      expect(waiting.woken).toBe(false);
      notices.notify(['UserCreated']);
      await expect(notices.wait(mark, 60_000, never, mine)).resolves.toBeUndefined();
    });

    it('is woken by a notice that names no types', async () => {
      const notices = new AppendNotices();
      const woken = notices.wait(notices.mark(), 60_000, never, mine);
      notices.notify();
      await expect(woken).resolves.toBeUndefined();
    });

    it('is woken by any notice within maxMs of one of its types', async () => {
      const notices = new AppendNotices();
      notices.notify(['UserCreated']);
      const mark = notices.mark();
      const woken = notices.wait(mark, 60_000, never, mine);
      notices.notify(['UserLoginSucceeded']);
      await expect(woken).resolves.toBeUndefined();
      await expect(notices.wait(mark, 60_000, never, mine)).resolves.toBeUndefined();
    });

    it('is asked to read again by readAgain of its types, which opens no window', async () => {
      const notices = new AppendNotices();
      const mark = notices.mark();
      notices.readAgain(['UserCreated']);
      await expect(notices.wait(mark, 60_000, never, mine)).resolves.toBeUndefined();
      const waiting = watched(notices.wait(notices.mark(), 60_000, never, mine));
      notices.notify(['UserLoginSucceeded']);
      notices.readAgain(['(every append)']);
      await turn();
      expect(waiting.woken).toBe(false);
    });

    it('tells the store what each wait is for, before it waits', async () => {
      const asked: (ReadonlySet<string> | undefined)[] = [];
      const notices = new AppendNotices((types) => asked.push(types));
      void notices.wait(notices.mark(), 60_000, never, mine);
      await notices.wait(notices.mark(), 1, never);
      expect(asked).toEqual([mine, undefined]);
    });
  });

  describe('to a reader of streams waiting for types', () => {
    const mine = new Set(['RoleToggled']);
    const turn = () => new Promise((resolve) => setImmediate(resolve));

    it('is woken by a notice of one of them or untyped, never by others, even right after one of them', async () => {
      const notices = new AppendNotices();
      notices.notify(['RoleToggled']);
      let woken = 0;
      void notices.waitForTypes(notices.mark(), mine, 60_000, never).then(() => woken++);
      notices.notify(['UserCreated']);
      await turn();
      expect(woken).toBe(0);
      notices.notify(['UserCreated', 'RoleToggled']);
      await turn();
      expect(woken).toBe(1);
      void notices.waitForTypes(notices.mark(), mine, 60_000, never).then(() => woken++);
      notices.notify();
      await turn();
      expect(woken).toBe(2);
    });

    it('returns at once for a notice of its types after the mark, and after maxMs without one', async () => {
      const notices = new AppendNotices();
      const mark = notices.mark();
      notices.notify(['RoleToggled']);
      await expect(notices.waitForTypes(mark, mine, 60_000, never)).resolves.toBeUndefined();
      const began = performance.now();
      await notices.waitForTypes(notices.mark(), mine, 20, never);
      expect(performance.now() - began).toBeGreaterThanOrEqual(15);
    });
  });
});

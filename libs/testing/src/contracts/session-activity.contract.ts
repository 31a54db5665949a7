/** The SessionActivity port as the contract sees it (structural, so the testing lib needs no identity lib). */
interface SessionActivityPort {
  seen(sessionId: string, at: Date): Promise<void>;
  lastSeen(sessionId: string): Promise<Date | null>;
}

/** One behaviour for every adapter keeping sessions' last activity outside the event stream. */
export function sessionActivityContract(
  name: string,
  factory: () => Promise<{ activity: SessionActivityPort; cleanup(): Promise<void> }>,
): void {
  describe(`SessionActivity contract: ${name}`, () => {
    let activity: SessionActivityPort;
    let cleanup: () => Promise<void>;
    beforeEach(async () => ({ activity, cleanup } = await factory()));
    afterEach(() => cleanup());

    const at = new Date('2026-12-01T08:00:00.000Z');

    it('knows no activity of a session never seen', async () => {
      expect(await activity.lastSeen('s-never')).toBeNull();
    });
    it('returns the time last recorded, to the millisecond', async () => {
      await activity.seen('s1', at);
      await activity.seen('s1', new Date(at.getTime() + 61_001));
      expect((await activity.lastSeen('s1'))?.toISOString()).toBe('2026-12-01T08:01:01.001Z');
    });
    it('keeps sessions apart', async () => {
      await activity.seen('s1', at);
      await activity.seen('s2', new Date(at.getTime() + 60_000));
      const seen = await Promise.all([activity.lastSeen('s1'), activity.lastSeen('s2')]);
      expect(seen.map((date) => date?.toISOString())).toEqual([
        '2026-12-01T08:00:00.000Z',
        '2026-12-01T08:01:00.000Z',
      ]);
    });
  });
}

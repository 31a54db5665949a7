import { InMemoryEventStore, StateCache } from '@gatehouse/event-store';
import type { OpenSession } from '@gatehouse/identity-domain';
import { InMemorySecretStore } from '@gatehouse/secrets';
import { StoredSessionActivity } from './session-activity';
import { SessionLiveness } from './session-liveness';

const MINUTE = 60_000;
const startedAt = new Date('2026-12-01T08:00:00.000Z');
const session: OpenSession = {
  sessionId: 's1',
  startedAt: startedAt.toISOString(),
  ip: '127.0.0.1',
  userAgent: undefined,
};

/** Last-seen reads counted: what the remembered last activity saves. */
class CountingActivity extends StoredSessionActivity {
  reads = 0;
  override lastSeen(sessionId: string): Promise<Date | null> {
    this.reads++;
    return super.lastSeen(sessionId);
  }
}

describe('session liveness', () => {
  let now: Date;
  let activity: CountingActivity;
  let liveness: SessionLiveness;
  const serve = async () => {
    const judged = await liveness.judgeFrom(session, await liveness.facts('a1', 's1'));
    if (judged.verdict === 'live') await liveness.served(judged);
    return judged.verdict;
  };
  beforeEach(() => {
    now = startedAt;
    activity = new CountingActivity(new InMemorySecretStore());
    liveness = new SessionLiveness(new StateCache(new InMemoryEventStore()), activity, { now: () => now });
  });

  describe('when this instance saw the session under a minute ago', () => {
    it('judges it live without reading its last activity again', async () => {
      expect(await serve()).toBe('live');
      now = new Date(startedAt.getTime() + 30_000);
      expect(await serve()).toBe('live');
      expect(activity.reads).toBe(1);
    });
  });

  describe('when the last activity it remembers is a minute old or more', () => {
    it('reads the store again, and finds a newer one written by another instance', async () => {
      expect(await serve()).toBe('live');
      await activity.seen('s1', new Date(startedAt.getTime() + 20 * MINUTE));
      now = new Date(startedAt.getTime() + 40 * MINUTE);
      expect(await serve()).toBe('live');
      expect(activity.reads).toBe(2);
    });

    it('refuses the session once idle past the policy', async () => {
      expect(await serve()).toBe('live');
      now = new Date(startedAt.getTime() + 31 * MINUTE);
      expect(await serve()).toBe('idle');
    });
  });
});

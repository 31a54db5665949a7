import {
  type AccessRefused,
  RefusalChannels,
  type RefusalReason,
  RefusalReasons,
} from '@gatehouse/contracts';
import { deciderSpec } from '@gatehouse/testing';
import {
  accessRefusalsDecider,
  type RecordRefusal,
  REFUSAL_WINDOW_MS,
  refusalWindowEnd,
} from './access-refusals.decider';

const spec = deciderSpec(accessRefusalsDecider);
const start = Date.parse('2026-12-02T10:00:00.000Z');
const after = (ms: number) => new Date(start + ms).toISOString();

const refusal = (overrides: Partial<AccessRefused['data']> = {}): RecordRefusal => ({
  type: 'RecordRefusal',
  refusal: {
    userId: 'u1',
    reason: 'wrong-password',
    channel: 'basic-auth',
    protocol: 'http',
    ip: '198.51.100.7',
    keyId: null,
    sessionId: null,
    at: after(0),
    suppressed: 0,
    ...overrides,
  },
});
const refused = (command: RecordRefusal): AccessRefused => ({ type: 'AccessRefused', data: command.refusal });

describe("a user's refusals", () => {
  describe('when none is recorded yet', () => {
    it.each(RefusalReasons)('records a refusal for %s', (reason) => {
      const command = refusal({ reason });
      spec
        .given([])
        .when(command)
        .then([refused(command)]);
    });

    it.each(RefusalChannels)('records the %s channel, its ids and the count it carries', (channel) => {
      const command = refusal({ channel, protocol: null, keyId: 'k1', sessionId: 's1', suppressed: 41 });
      spec
        .given([])
        .when(command)
        .then([refused(command)]);
    });
  });

  describe('when the same reason was recorded within the minute', () => {
    const earlier = refused(refusal({ at: after(0) }));

    it.each([1, 30_000, REFUSAL_WINDOW_MS - 1])('stores nothing %i ms later', (ms) => {
      spec
        .given([earlier])
        .when(refusal({ at: after(ms), suppressed: 5 }))
        .then([]);
    });

    it('stores nothing from a process whose clock runs behind the record', () => {
      spec
        .given([earlier])
        .when(refusal({ at: after(-120_000) }))
        .then([]);
    });

    it('stores nothing on another channel either: the bound is per user and reason', () => {
      spec
        .given([earlier])
        .when(refusal({ channel: 'access-check', at: after(10) }))
        .then([]);
    });

    it.each(RefusalReasons.filter((reason) => reason !== 'wrong-password'))(
      'still records a first %s',
      (reason) => {
        const command = refusal({ reason, at: after(10) });
        spec
          .given([earlier])
          .when(command)
          .then([refused(command)]);
      },
    );
  });

  describe('when the minute has passed', () => {
    it('records the next refusal with the count held back since', () => {
      const command = refusal({ at: after(REFUSAL_WINDOW_MS), suppressed: 199 });
      spec
        .given([refused(refusal())])
        .when(command)
        .then([refused(command)]);
    });

    it('judges by the latest record of the reason, not the first', () => {
      const history = [refused(refusal()), refused(refusal({ at: after(REFUSAL_WINDOW_MS) }))];
      spec
        .given(history)
        .when(refusal({ at: after(REFUSAL_WINDOW_MS + 1_000) }))
        .then([]);
    });
  });

  describe('the window a process counts in', () => {
    const state = (reason: RefusalReason, at: string) =>
      accessRefusalsDecider.evolve(accessRefusalsDecider.initialState(), refused(refusal({ reason, at })));

    it('ends a minute after the last record of the reason', () => {
      expect(refusalWindowEnd(state('locked', after(5)), 'locked')).toBe(start + 5 + REFUSAL_WINDOW_MS);
    });

    it('is none for a reason never recorded', () => {
      expect(refusalWindowEnd(state('locked', after(5)), 'disabled')).toBeNull();
    });
  });

  it('stores at most one refusal per reason a minute, whatever the flood', () => {
    let state = accessRefusalsDecider.initialState();
    const stored: AccessRefused[] = [];
    for (let ms = 0; ms < 10 * REFUSAL_WINDOW_MS; ms += 250) {
      for (const reason of RefusalReasons) {
        const events = accessRefusalsDecider.decide(refusal({ reason, at: after(ms) }), state);
        state = events.reduce(accessRefusalsDecider.evolve, state);
        stored.push(...events);
      }
    }
    expect(stored).toHaveLength(10 * RefusalReasons.length);
  });
});

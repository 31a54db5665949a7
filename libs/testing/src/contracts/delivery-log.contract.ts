import type { DeadLetter, DeliveryLog } from '@gatehouse/notifications';

const letter = (key: string, overrides: Partial<DeadLetter> = {}): DeadLetter => ({
  key,
  reaction: 'reaction:user-emails',
  streamId: 'user-u1',
  streamPosition: 3,
  template: 'account-locked',
  attempts: 10,
  reason: 'ECONNREFUSED',
  parkedAt: '2026-01-01T00:00:00.000Z',
  retryRequested: false,
  ...overrides,
});

/** One behaviour for every DeliveryLog adapter. */
export function deliveryLogContract(
  name: string,
  factory: () => Promise<{ log: DeliveryLog; cleanup(): Promise<void> }>,
): void {
  describe(`DeliveryLog contract: ${name}`, () => {
    let log: DeliveryLog;
    let cleanup: () => Promise<void>;
    beforeEach(async () => ({ log, cleanup } = await factory()));
    afterEach(() => cleanup());

    describe('sent keys', () => {
      it('knows a key once it is recorded, and only that key', async () => {
        expect(await log.wasSent('e1:invite')).toBe(false);
        await log.recordSent('e1:invite');
        await log.recordSent('e1:invite');
        expect([await log.wasSent('e1:invite'), await log.wasSent('e2:invite')]).toEqual([true, false]);
      });

      it('answers keys asked at once each for itself', async () => {
        await log.recordSent('e2:invite');
        const keys = ['e1:invite', 'e2:invite', 'e3:invite', 'e2:invite'];
        expect(await Promise.all(keys.map((key) => log.wasSent(key)))).toEqual([false, true, false, true]);
        await log.recordSent('e3:invite');
        expect(await Promise.all(keys.map((key) => log.wasSent(key)))).toEqual([false, true, true, true]);
      });
    });

    describe('dead letters', () => {
      it('lists parked letters oldest first, a re-parked one replaced', async () => {
        await log.park(letter('e2:invite', { parkedAt: '2026-01-02T00:00:00.000Z' }));
        await log.park(letter('e1:account-locked'));
        await log.park(letter('e2:invite', { parkedAt: '2026-01-03T00:00:00.000Z', attempts: 20 }));
        expect(await log.deadLetters()).toEqual([
          letter('e1:account-locked'),
          letter('e2:invite', { parkedAt: '2026-01-03T00:00:00.000Z', attempts: 20 }),
        ]);
      });

      it('records keys recorded at once, one of them twice, and drops their letters', async () => {
        await log.park(letter('e1:account-locked'));
        await log.park(letter('e9:account-locked'));
        const keys = ['e1:account-locked', 'e2:invite', 'e1:account-locked'];
        await Promise.all(keys.map((key) => log.recordSent(key)));
        const asked = ['e1:account-locked', 'e2:invite', 'e9:account-locked'];
        expect(await Promise.all(asked.map((key) => log.wasSent(key)))).toEqual([true, true, false]);
        expect(await log.deadLetters()).toEqual([letter('e9:account-locked')]);
      });

      it('drops a letter whose key is sent after all', async () => {
        await log.park(letter('e1:account-locked'));
        await log.recordSent('e1:account-locked');
        expect(await log.deadLetters()).toEqual([]);
      });

      it('hands a retry request to the letter’s reaction only, until it is parked again', async () => {
        await log.park(letter('e1:account-locked'));
        await log.park(letter('e2:invite', { reaction: 'reaction:invite-emails' }));
        expect(await log.requestRetry('e1:account-locked')).toBe(true);
        expect(await log.requestRetry('nope')).toBe(false);
        expect(await log.retriesRequested('reaction:user-emails')).toEqual([
          letter('e1:account-locked', { retryRequested: true }),
        ]);
        expect(await log.retriesRequested('reaction:invite-emails')).toEqual([]);
        await log.park(letter('e1:account-locked', { attempts: 20 }));
        expect(await log.retriesRequested('reaction:user-emails')).toEqual([]);
      });
    });
  });
}

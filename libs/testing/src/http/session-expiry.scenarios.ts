import { openAccount, type OpenedAccount } from './scenario';
import type { RunningStack } from './users-api.scenarios';

/** A clock the test moves forward, so sessions age by minutes and hours without anyone sleeping. */
export class MovableClock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advanceMinutes(minutes: number): void {
    this.offsetMs += minutes * 60_000;
  }

  /** Back to the system's time, so each scenario's sessions start from it. */
  reset(): void {
    this.offsetMs = 0;
  }
}

/**
 * Sessions end by themselves under their account's policy, on the very next request: run against a
 * runtime whose session clock is `clock` (the embedded runtime takes one in its config).
 */
export function sessionExpiryScenarios(stack: () => RunningStack, clock: () => MovableClock): void {
  describe('sessions that end by themselves', () => {
    const settingsOf = (account: OpenedAccount) => `/v1/accounts/${account.accountId}/settings`;
    const status = async (account: OpenedAccount) => (await account.admin.get(settingsOf(account))).status;
    beforeEach(() => clock().reset());

    it('end after 30 minutes without a request, and not while requests keep coming', async () => {
      const account = await openAccount(stack().users, stack().operatorToken);
      expect(await status(account)).toBe(200);
      clock().advanceMinutes(29);
      expect(await status(account)).toBe(200);
      clock().advanceMinutes(29);
      expect(await status(account)).toBe(200);
      clock().advanceMinutes(30);
      expect(await status(account)).toBe(401);
    });

    it('end 12 hours after login however active, while a new login is let in', async () => {
      const account = await openAccount(stack().users, stack().operatorToken);
      // A request every 20 minutes: never idle, so only the lifetime can end it.
      for (let minute = 0; minute < 720; minute += 20) {
        expect([minute, await status(account)]).toEqual([minute, 200]);
        clock().advanceMinutes(20);
      }
      expect(await status(account)).toBe(401);
      clock().reset();
      const again = await openAccount(stack().users, stack().operatorToken);
      expect(await status(again)).toBe(200);
    });

    it('follow a shorter policy from the very next request', async () => {
      const account = await openAccount(stack().users, stack().operatorToken);
      const current = await account.admin.get<Record<string, unknown>>(settingsOf(account));
      const sessions = { idleTimeoutMinutes: 5, absoluteLifetimeMinutes: 720 };
      const saved = await account.admin.request('PUT', settingsOf(account), { ...current.body, sessions });
      expect(saved.status).toBe(200);
      clock().advanceMinutes(4);
      expect(await status(account)).toBe(200);
      clock().advanceMinutes(6);
      expect(await status(account)).toBe(401);
    });
  });
}

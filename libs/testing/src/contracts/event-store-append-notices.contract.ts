import { UserCreatedNotices } from '@gatehouse/contracts';
import { type AppendNotices, type EventStore, NO_STREAM } from '@gatehouse/event-store';
import { v7 as uuidv7 } from 'uuid';
import { appendNoticesOf, newTestEvent } from './event-store.fixtures';

/**
 * Append notices as the port promises them (where a store gives them); runs inside eventStoreContract,
 * which gives a fresh store per test.
 */
export function appendNoticesContract(subject: () => EventStore): void {
  let store: EventStore;
  const never = new AbortController().signal;
  /**
   * A reader of `types` that has waited once: a store may start listening for them at a reader's first
   * wait and wake it when it does (PostgreSQL: a notice sent before the LISTEN took effect was not heard),
   * or let that wait run out (1 s here).
   */
  const settledReaderOf = async (notices: AppendNotices, types: ReadonlySet<string>) => {
    await notices.wait(notices.mark(), 1000, never, types);
  };
  beforeEach(() => {
    store = subject();
  });

  describe('when a reader waits for appends', () => {
    it('is woken by the next append, long before its fallback wait', async () => {
      const notices = await appendNoticesOf(store);
      const woken = notices.wait(notices.mark(), 120_000, new AbortController().signal);
      const began = performance.now();
      await store.append(`notice-${uuidv7()}`, [newTestEvent()], NO_STREAM);
      await woken;
      expect(performance.now() - began).toBeLessThan(30_000);
    });

    it('names the types appended: a reader of other types is not woken by them', async () => {
      const notices = await appendNoticesOf(store);
      const wanted = `Wanted${uuidv7().replace(/-/g, '')}`;
      await settledReaderOf(notices, new Set([wanted]));
      let woken = false;
      const waiting = notices.wait(notices.mark(), 120_000, never, new Set([wanted])).then(() => {
        woken = true;
      });
      // A reader of every type is woken by the same notice: once it is, the notice has been handled.
      const any = notices.wait(notices.mark(), 120_000, never);
      await store.append(`notice-${uuidv7()}`, [{ ...newTestEvent(), type: 'Unwanted' }], NO_STREAM);
      await any;
      expect(woken).toBe(false);
      await store.append(`notice-${uuidv7()}`, [{ ...newTestEvent(), type: wanted }], NO_STREAM);
      await waiting;
      expect(woken).toBe(true);
    });

    it('names the kinds of event noticeNamesOf tags: a reader of users created with roles sleeps through one without', async () => {
      const notices = await appendNoticesOf(store);
      await settledReaderOf(notices, new Set([UserCreatedNotices.withRoles]));
      const created = (roles: string[]) =>
        newTestEvent({
          type: 'UserCreated',
          data: { userId: uuidv7(), accountId: 'acct-contract', roles },
        });
      let woken = false;
      const waiting = notices
        .wait(notices.mark(), 120_000, never, new Set([UserCreatedNotices.withRoles]))
        .then(() => {
          woken = true;
        });
      const any = notices.wait(notices.mark(), 120_000, never);
      await store.append(`user-${uuidv7()}`, [created([])], NO_STREAM);
      await any;
      expect(woken).toBe(false);
      // A create appends the user and the username together: appendMulti names the kinds too.
      await store.appendMulti([
        { streamId: `user-${uuidv7()}`, events: [created(['developer'])], expectedVersion: NO_STREAM },
        { streamId: `username-${uuidv7()}`, events: [newTestEvent()], expectedVersion: NO_STREAM },
      ]);
      await waiting;
      expect(woken).toBe(true);
    });
  });
}

import { NO_STREAM } from '@gatehouse/event-store';
import { appendNoticesOf, newTestEvent } from '@gatehouse/testing';
import { KurrentDbEventStore } from './kurrentdb-event-store';
import { KurrentDbLogModel } from './kurrentdb-log-model';

describe('KurrentDB append notices when the subscription drops', () => {
  const never = new AbortController().signal;
  let model: KurrentDbLogModel;
  let store: KurrentDbEventStore;

  beforeEach(async () => {
    model = new KurrentDbLogModel();
    const options = {
      connectionString: 'kurrentdb://model',
      namespace: 'gh-notices',
      tryLead: async () => null,
    };
    store = await KurrentDbEventStore.open(options, model.asClient());
  });
  afterEach(() => store.close());

  it('gives none until a new subscription is confirmed, so readers poll meanwhile', async () => {
    const notices = await appendNoticesOf(store);
    model.dropSubscriptions();
    expect(store.appendNotices()).toBeNull();
    expect(await appendNoticesOf(store)).toBe(notices);
  });

  it('wakes a reader of any types when the new subscription is confirmed: a notice may have been missed', async () => {
    const notices = await appendNoticesOf(store);
    const mark = notices.mark();
    const woken = notices.wait(mark, 120_000, never, new Set(['NothingAppended']));
    model.dropSubscriptions();
    await woken;
    expect(store.appendNotices()).toBe(notices);
  });

  it("wakes a reader on another process's append, through the subscription", async () => {
    const notices = await appendNoticesOf(store);
    const other = await KurrentDbEventStore.open(
      { connectionString: 'kurrentdb://model', namespace: 'gh-notices', tryLead: async () => null },
      model.asClient(),
    );
    try {
      const woken = notices.wait(notices.mark(), 120_000, never, new Set(['ContractChecked']));
      await other.append('user-1', [newTestEvent()], NO_STREAM);
      await woken;
    } finally {
      await other.close();
    }
  });
});

import { InMemoryEventStore } from '@gatehouse/event-store';
import { eventStoreContract } from './event-store.contract';

// Runs here, not beside the in-memory store: the event-store lib importing this suite would make a cycle.
eventStoreContract('in-memory', async () => {
  const store = new InMemoryEventStore();
  return { store, cleanup: () => store.close() };
});

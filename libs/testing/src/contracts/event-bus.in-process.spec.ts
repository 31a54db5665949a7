import { InProcessBus } from '@gatehouse/bus';
import { eventBusContract } from './event-bus.contract';

eventBusContract('in-process', async () => {
  const reportedErrors: unknown[] = [];
  const bus = new InProcessBus({ onError: (error) => reportedErrors.push(error) });
  return { publisher: bus, subscriber: bus, reportedErrors, cleanup: () => bus.close() };
});

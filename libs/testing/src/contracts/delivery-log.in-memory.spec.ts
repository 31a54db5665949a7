import { InMemoryDeliveryLog } from '@gatehouse/notifications';
import { deliveryLogContract } from './delivery-log.contract';

deliveryLogContract('in-memory', async () => ({
  log: new InMemoryDeliveryLog(),
  cleanup: async () => undefined,
}));

import { deliveryLogContract } from '@gatehouse/testing';
import Database from 'better-sqlite3';
import { SqliteDeliveryLog } from './sqlite-delivery-log';

deliveryLogContract('sqlite', async () => {
  const db = new Database(':memory:');
  return { log: new SqliteDeliveryLog(db), cleanup: async () => void db.close() };
});

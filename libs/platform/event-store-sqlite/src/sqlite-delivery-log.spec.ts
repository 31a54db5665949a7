import { deliveryLogContract, sqliteWalFile } from '@gatehouse/testing';
import Database from 'better-sqlite3';
import { SqliteDeliveryLog } from './sqlite-delivery-log';

deliveryLogContract('sqlite', async () => {
  const db = new Database(':memory:');
  return { log: new SqliteDeliveryLog(db), cleanup: async () => void db.close() };
});

describe('SqliteDeliveryLog in a file', () => {
  const file = sqliteWalFile();
  const log = new SqliteDeliveryLog(file.db);
  afterAll(() => file.remove());

  it('commits the keys recorded in one turn once', async () => {
    const one = await file.loggedPages(() => log.recordSent('welcome:first'));
    const eight = await file.loggedPages(() =>
      Promise.all(Array.from({ length: 8 }, (_, i) => log.recordSent(`welcome:u${i}`))),
    );

    expect(one).toBeGreaterThan(0);
    expect(eight).toBe(one);
    expect(await log.wasSent('welcome:u7')).toBe(true);
  });
});

import { readDistributedEnv, RELAY_LINGER_MS } from './distributed-env';

describe('readDistributedEnv', () => {
  describe('GATEHOUSE_RELAY_LINGER_MS', () => {
    const linger = (value?: string) =>
      readDistributedEnv(value === undefined ? {} : { GATEHOUSE_RELAY_LINGER_MS: value }, 0).relayLingerMs;

    it('defaults to RELAY_LINGER_MS, unset or empty', () => {
      expect(linger()).toBe(RELAY_LINGER_MS);
      expect(linger('')).toBe(RELAY_LINGER_MS);
    });

    it('takes 0 (every notice read at once) up to 1000 ms', () => {
      expect(linger('0')).toBe(0);
      expect(linger('20')).toBe(20);
      expect(linger('1000')).toBe(1000);
    });

    it.each(['-1', '1001', '2.5', '50ms', ' 50'])('refuses %j, naming the setting and its range', (value) => {
      expect(() => linger(value)).toThrow(
        'GATEHOUSE_RELAY_LINGER_MS must be a whole number of milliseconds from 0 to 1000',
      );
    });
  });

  describe('GATEHOUSE_KURRENTDB_URL', () => {
    it('leaves the event store on PostgreSQL when unset or empty', () => {
      expect(readDistributedEnv({}, 0).kurrentDb).toBeUndefined();
      expect(readDistributedEnv({ GATEHOUSE_KURRENTDB_URL: '' }, 0).kurrentDb).toBeUndefined();
    });

    it('names KurrentDB, its streams under GATEHOUSE_KURRENTDB_NAMESPACE or `gatehouse`', () => {
      const url = 'kurrentdb://127.0.0.1:2113?tls=false';
      expect(readDistributedEnv({ GATEHOUSE_KURRENTDB_URL: url }, 0).kurrentDb).toEqual({
        url,
        namespace: 'gatehouse',
      });
      const named = { GATEHOUSE_KURRENTDB_URL: url, GATEHOUSE_KURRENTDB_NAMESPACE: 'staging' };
      expect(readDistributedEnv(named, 0).kurrentDb).toEqual({ url, namespace: 'staging' });
    });
  });
});

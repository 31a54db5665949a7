import type { SecretStore } from '@gatehouse/secrets';

/** One behaviour for every SecretStore adapter. */
export function secretStoreContract(
  name: string,
  factory: () => Promise<{ store: SecretStore; cleanup(): Promise<void> }>,
): void {
  describe(`SecretStore contract: ${name}`, () => {
    let store: SecretStore;
    let cleanup: () => Promise<void>;
    beforeEach(async () => ({ store, cleanup } = await factory()));
    afterEach(() => cleanup());

    it('returns null for a key never stored', async () => {
      expect(await store.get('password:nobody')).toBeNull();
    });
    it('returns what was stored, and the latest value after an overwrite', async () => {
      await store.put('password:u1', 'first');
      await store.put('password:u1', 'second');
      expect(await store.get('password:u1')).toBe('second');
    });
    it('keeps keys apart', async () => {
      await store.put('password:u1', 'a');
      await store.put('password:u2', 'b');
      expect([await store.get('password:u1'), await store.get('password:u2')]).toEqual(['a', 'b']);
    });
    it('keeps each of values stored at once, and the later one of a key stored twice', async () => {
      await Promise.all([
        store.put('password:u1', 'a'),
        store.put('password:u2', 'b'),
        store.put('password:u1', 'c'),
      ]);
      expect([await store.get('password:u1'), await store.get('password:u2')]).toEqual(['c', 'b']);
    });
    it('forgets a deleted key', async () => {
      await store.put('password:u1', 'a');
      await store.delete('password:u1');
      expect(await store.get('password:u1')).toBeNull();
    });
  });
}

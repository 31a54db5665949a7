import { InMemorySecretStore } from '@gatehouse/secrets';
import { hash } from 'argon2';
import { availableParallelism } from 'node:os';
import { HashingProcesses } from './hashing-processes';
import { PasswordHasher } from './password-hasher';
import { readPasswordHashing } from './password-hashing.config';

/** Counts verifies in flight in the hashing processes, around the real ones. */
const verifies = { running: 0, most: 0 };
const verify = HashingProcesses.prototype.verify;
jest.spyOn(HashingProcesses.prototype, 'verify').mockImplementation(async function (
  this: HashingProcesses,
  ...args: Parameters<typeof verify>
) {
  verifies.most = Math.max(verifies.most, ++verifies.running);
  try {
    return await verify.apply(this, args);
  } finally {
    verifies.running--;
  }
});

// Not niced here: on a loaded machine a niced child, started from TypeScript, can take longer than a test.
const settings = { memoryKiB: 7168, timeCost: 5, parallelism: 1, concurrency: 1, nice: 0 };
jest.setTimeout(30_000);
const hashers: PasswordHasher[] = [];
afterAll(() => hashers.forEach((hasher) => hasher.onModuleDestroy()));

function hasherWith(secrets: InMemorySecretStore, overrides: Partial<typeof settings> = {}): PasswordHasher {
  const hasher = new PasswordHasher(secrets, { ...settings, ...overrides });
  hasher.onModuleInit();
  hashers.push(hasher);
  return hasher;
}

/** u1's password hashed under other settings than the installation's. */
async function withOlderHash() {
  const secrets = new InMemorySecretStore();
  const old = await hash('correct horse', { type: 2, memoryCost: 8192, timeCost: 3, parallelism: 2 });
  await secrets.put('password:u1', old);
  return { secrets, old, hasher: hasherWith(secrets) };
}

describe('password hashes', () => {
  it('are argon2id PHC strings with the installation settings, and verify', async () => {
    const secrets = new InMemorySecretStore();
    const hasher = hasherWith(secrets);
    await hasher.set('u1', 'correct horse');
    expect(await secrets.get('password:u1')).toMatch(/^\$argon2id\$v=19\$m=7168,t=5,p=1\$/);
    expect(await hasher.matches('u1', 'correct horse')).toBe(true);
    expect(await hasher.matches('u1', 'wrong horse')).toBe(false);
    expect(await hasher.matches('nobody', 'correct horse')).toBe(false);
  });

  it('made under older settings still verify, and are re-hashed with the current ones on a match', async () => {
    const { secrets, old, hasher } = await withOlderHash();
    expect(await hasher.matches('u1', 'wrong horse')).toBe(false);
    expect(await secrets.get('password:u1')).toBe(old);
    expect(await hasher.matches('u1', 'correct horse')).toBe(true);
    expect(await secrets.get('password:u1')).toMatch(/^\$argon2id\$v=19\$m=7168,t=5,p=1\$/);
    expect(await hasher.matches('u1', 'correct horse')).toBe(true);
  });

  it('are verified without a re-hash where only verifying is allowed', async () => {
    const { secrets, old, hasher } = await withOlderHash();
    expect(await hasher.verifies('u1', 'correct horse')).toBe(true);
    expect(await hasher.verifies('u1', 'wrong horse')).toBe(false);
    expect(await hasher.verifies('nobody', 'correct horse')).toBe(false);
    expect(await secrets.get('password:u1')).toBe(old);
  });

  it('are computed a bounded number at a time: a burst queues', async () => {
    const hasher = hasherWith(new InMemorySecretStore(), { concurrency: 2 });
    verifies.most = 0;
    await Promise.all(Array.from({ length: 6 }, () => hasher.matches('nobody', 'x')));
    expect(verifies.most).toBe(2);
  });
});

describe('password hashing settings', () => {
  it("default to Keycloak's default, one of OWASP's listed argon2id configurations", () => {
    expect(readPasswordHashing({ GATEHOUSE_HASH_CONCURRENCY: '1' })).toEqual({
      memoryKiB: 7168,
      timeCost: 5,
      parallelism: 1,
      concurrency: 1,
      nice: 10,
    });
  });

  it('hash on every core unless GATEHOUSE_HASH_CONCURRENCY says otherwise', () => {
    expect(readPasswordHashing({}).concurrency).toBe(availableParallelism());
  });

  it('accept every OWASP-listed configuration', () => {
    for (const [memory, time] of [
      [47_104, 1],
      [19_456, 2],
      [12_288, 3],
      [9216, 4],
      [7168, 5],
    ]) {
      const env = { GATEHOUSE_ARGON2_MEMORY_KIB: String(memory), GATEHOUSE_ARGON2_TIME_COST: String(time) };
      expect(readPasswordHashing(env).memoryKiB).toBe(memory);
    }
  });

  it.each([
    [{ GATEHOUSE_ARGON2_MEMORY_KIB: '4096' }],
    [{ GATEHOUSE_ARGON2_TIME_COST: '0' }],
    [{ GATEHOUSE_ARGON2_TIME_COST: '1', GATEHOUSE_ARGON2_MEMORY_KIB: '19456' }],
    [{ GATEHOUSE_ARGON2_TIME_COST: '4', GATEHOUSE_ARGON2_MEMORY_KIB: '7168' }],
    [{ GATEHOUSE_HASH_CONCURRENCY: 'many' }],
    [{ GATEHOUSE_HASH_NICE: '20' }],
  ])('refuse what is weaker than every OWASP-listed configuration, or malformed: %j', (env) => {
    expect(() => readPasswordHashing(env)).toThrow(/GATEHOUSE_|argon2/);
  });
});

import { availableParallelism } from 'node:os';

/**
 * argon2id cost of password hashes: an installation setting. The default is OWASP's first listed
 * configuration (m=19 MiB, t=2, p=1), of the same strength as Keycloak's default (m=7 MiB, t=5, p=1, also
 * OWASP-listed). The parameters travel in each stored hash (PHC string), so hashes made under older
 * settings still verify, and are re-hashed at the user's next successful login.
 */
export abstract class PasswordHashingConfig {
  abstract readonly memoryKiB: number;
  abstract readonly timeCost: number;
  abstract readonly parallelism: number;
  /** Hashes computed at once; more wait their turn, so a login burst cannot take every core. */
  abstract readonly concurrency: number;
}

/** OWASP's floor: below 7 MiB or a single pass over less than 46 MiB no listed configuration applies. */
const MIN_MEMORY_KIB = 7168;

export function readPasswordHashing(env: NodeJS.ProcessEnv): PasswordHashingConfig {
  const setting = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    const value = raw === undefined || raw === '' ? fallback : Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new Error(`${name} must be an integer from ${min} to ${max} (got ${raw})`);
    }
    return value;
  };
  const config = {
    memoryKiB: setting('GATEHOUSE_ARGON2_MEMORY_KIB', 19_456, MIN_MEMORY_KIB, 4_194_304),
    timeCost: setting('GATEHOUSE_ARGON2_TIME_COST', 2, 1, 100),
    parallelism: setting('GATEHOUSE_ARGON2_PARALLELISM', 1, 1, 64),
    concurrency: setting('GATEHOUSE_HASH_CONCURRENCY', Math.max(1, availableParallelism() - 1), 1, 1024),
  };
  if (config.timeCost === 1 && config.memoryKiB < 47_104) {
    throw new Error('one argon2 pass needs at least 46 MiB (GATEHOUSE_ARGON2_MEMORY_KIB ≥ 47104)');
  }
  return config;
}

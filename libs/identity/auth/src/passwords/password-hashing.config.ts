import { availableParallelism } from 'node:os';

/**
 * argon2id cost of password hashes: an installation setting. The default (m=7 MiB, t=5, p=1) is one of the
 * configurations OWASP lists as equivalent, and Keycloak's default: of those it verifies fastest here
 * (`BENCH_ONLY=hashing`), as memory traffic, not passes, dominates. The parameters travel in each stored
 * hash (PHC string), so hashes made under older settings still verify, and are re-hashed at the user's
 * next successful login.
 */
export abstract class PasswordHashingConfig {
  abstract readonly memoryKiB: number;
  abstract readonly timeCost: number;
  abstract readonly parallelism: number;
  /** Hashes computed at once (default: one a core); more wait their turn, so a burst queues. */
  abstract readonly concurrency: number;
  /** Nice value of the hashing processes (0–19, default 10): request handling gets the CPU first. */
  abstract readonly nice?: number;
}

/**
 * OWASP's listed argon2id configurations (p=1): 46 MiB t=1, 19 MiB t=2, 12 MiB t=3, 9 MiB t=4, 7 MiB t=5.
 * Settings are refused below 7 MiB, or when memory × passes is below the least of them (7 MiB × 5;
 * 46 MiB for a single pass).
 */
const MIN_MEMORY_KIB = 7168;
const MIN_WORK_KIB = 7168 * 5;
const MIN_SINGLE_PASS_KIB = 47_104;

/** Hashes at once default to every core, in either mode; hashing-slots.ts keeps one back while busy. */
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
    memoryKiB: setting('GATEHOUSE_ARGON2_MEMORY_KIB', 7_168, MIN_MEMORY_KIB, 4_194_304),
    timeCost: setting('GATEHOUSE_ARGON2_TIME_COST', 5, 1, 100),
    parallelism: setting('GATEHOUSE_ARGON2_PARALLELISM', 1, 1, 64),
    concurrency: setting('GATEHOUSE_HASH_CONCURRENCY', availableParallelism(), 1, 1024),
    nice: setting('GATEHOUSE_HASH_NICE', 10, 0, 19),
  };
  const floor = config.timeCost === 1 ? MIN_SINGLE_PASS_KIB : MIN_WORK_KIB;
  if (config.memoryKiB * config.timeCost < floor) {
    throw new Error(
      `GATEHOUSE_ARGON2_MEMORY_KIB × GATEHOUSE_ARGON2_TIME_COST must be at least ${floor} KiB (OWASP's argon2id list)`,
    );
  }
  return config;
}

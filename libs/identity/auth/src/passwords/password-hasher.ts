import { Injectable, type OnModuleInit } from '@nestjs/common';
import { SecretStore } from '@gatehouse/secrets';
import { argon2id, hash, needsRehash, verify } from 'argon2';
import pLimit from 'p-limit';
import { PasswordHashingConfig } from './password-hashing.config';

/**
 * argon2id hashes kept in the secret store, never in events. In the identity lib so that every service
 * can verify a password (HTTP basic authentication) while only the users service sets one. Every hash and verify waits for one of
 * `concurrency` slots: argon2 runs on libuv's thread pool, and without a bound a login burst takes every
 * core and every other request waits behind it.
 */
@Injectable()
export class PasswordHasher implements OnModuleInit {
  private standIn!: Promise<string>;
  private readonly slots: ReturnType<typeof pLimit>;
  private readonly options: {
    type: typeof argon2id;
    memoryCost: number;
    timeCost: number;
    parallelism: number;
  };

  constructor(
    private readonly secrets: SecretStore,
    config: PasswordHashingConfig,
  ) {
    this.slots = pLimit(config.concurrency);
    this.options = {
      type: argon2id,
      memoryCost: config.memoryKiB,
      timeCost: config.timeCost,
      parallelism: config.parallelism,
    };
  }

  /** Hashed once at start, with the current settings, so an unknown user costs what a known one does. */
  onModuleInit(): void {
    this.standIn = this.slots(() => hash('stand-in password', this.options));
  }

  async set(userId: string, password: string): Promise<void> {
    await this.secrets.put(passwordKey(userId), await this.slots(() => hash(password, this.options)));
  }

  /**
   * Verifies against a stand-in hash when the user has none, so unknown users cost the same time. A match
   * on a hash made under other settings is re-hashed with the current ones.
   */
  async matches(userId: string, password: string): Promise<boolean> {
    const { stored, matched } = await this.verify(userId, password);
    if (stored === null || !matched) return false;
    if (needsRehash(stored, this.options)) await this.set(userId, password);
    return true;
  }

  /** As `matches`, but never re-hashes: for services that may read a password hash and not write one. */
  async verifies(userId: string, password: string): Promise<boolean> {
    const { stored, matched } = await this.verify(userId, password);
    return stored !== null && matched;
  }

  private async verify(
    userId: string,
    password: string,
  ): Promise<{ stored: string | null; matched: boolean }> {
    const stored = await this.secrets.get(passwordKey(userId));
    const against = stored ?? (await this.standIn);
    return { stored, matched: await this.slots(() => verify(against, password)) };
  }
}

const passwordKey = (userId: string): string => `password:${userId}`;

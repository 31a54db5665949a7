import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { SecretStore } from '@gatehouse/secrets';
import { argon2id, hash, needsRehash } from 'argon2';
import { HashingProcesses } from './hashing-processes';
import { HashingSlots } from './hashing-slots';
import { PasswordHashingConfig } from './password-hashing.config';

/**
 * argon2id hashes kept in the secret store, never in events. In the identity lib so that every service
 * can verify a password (HTTP basic authentication) while only the users service sets one. Every hash
 * and verify waits for a slot (hashing-slots.ts: `concurrency` of them, one fewer while other requests
 * keep the event loop busy), each a niced child process (hashing-processes.ts): without a bound a login
 * burst takes every core and every other request waits behind it.
 */
@Injectable()
export class PasswordHasher implements OnModuleInit, OnModuleDestroy {
  private standIn!: Promise<string>;
  private readonly slots: HashingSlots;
  private readonly processes: HashingProcesses;
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
    this.slots = new HashingSlots(config.concurrency);
    this.processes = new HashingProcesses(config.concurrency, config.nice ?? 10);
    this.options = {
      type: argon2id,
      memoryCost: config.memoryKiB,
      timeCost: config.timeCost,
      parallelism: config.parallelism,
    };
  }

  /**
   * Hashed once at start, with the current settings, so an unknown user costs what a known one does; here,
   * not in a hashing process, so that a service which never verifies a password starts none.
   */
  onModuleInit(): void {
    this.standIn = hash('stand-in password', this.options);
  }

  onModuleDestroy(): void {
    this.processes.close();
  }

  async set(userId: string, password: string): Promise<void> {
    const digest = await this.slots.run(() => this.processes.hash(password, this.options));
    await this.secrets.put(passwordKey(userId), digest);
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
    return { stored, matched: await this.slots.run(() => this.processes.verify(against, password)) };
  }
}

const passwordKey = (userId: string): string => `password:${userId}`;

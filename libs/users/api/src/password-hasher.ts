import { Injectable, type OnModuleInit } from '@nestjs/common';
import { SecretStore } from '@gatehouse/secrets';
import { hash, verify } from 'argon2';

/** argon2id hashes kept in the secret store, never in events. */
@Injectable()
export class PasswordHasher implements OnModuleInit {
  private standIn!: Promise<string>;

  constructor(private readonly secrets: SecretStore) {}

  /** Hashed once at start, not beside the first login's own verify (two 64 MiB argon2 buffers at once). */
  onModuleInit(): void {
    this.standIn = hash('stand-in password', { type: 2 });
  }

  async set(userId: string, password: string): Promise<void> {
    await this.secrets.put(passwordKey(userId), await hash(password, { type: 2 }));
  }

  /** Verifies against a stand-in hash when the user has none, so unknown users cost the same time. */
  async matches(userId: string, password: string): Promise<boolean> {
    const stored = await this.secrets.get(passwordKey(userId));
    const matched = await verify(stored ?? (await this.standIn), password);
    return stored !== null && matched;
  }
}

const passwordKey = (userId: string): string => `password:${userId}`;

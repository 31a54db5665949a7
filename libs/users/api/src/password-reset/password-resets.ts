import { Injectable } from '@nestjs/common';
import { SecretStore } from '@gatehouse/secrets';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

interface StoredReset {
  readonly resetId: string;
  readonly hash: string;
  readonly expiresAt: string;
}

/**
 * Single-use reset tokens: `<userId>.<32 random bytes, base64url>`. Only the SHA-256 of the random part is
 * stored (a 256-bit random secret needs no slow hash), under `password-reset:<userId>`, with the reset id
 * that the user's stream knows as the pending reset. Single use is kept by that stream: completing appends
 * at the version read, so of two racing completions one wins and the other finds no pending reset.
 */
@Injectable()
export class PasswordResets {
  constructor(private readonly secrets: SecretStore) {}

  /** Stores the token's hash, replacing any earlier reset of the user; returns the token to send. */
  async issue(userId: string, resetId: string, expiresAt: string): Promise<string> {
    const secret = randomBytes(32).toString('base64url');
    const stored: StoredReset = { resetId, hash: digest(secret).toString('hex'), expiresAt };
    await this.secrets.put(resetKey(userId), JSON.stringify(stored));
    return `${userId}.${secret}`;
  }

  /** The user and reset a token stands for, or null for a malformed, unknown, replaced or used token. */
  async redeem(token: string): Promise<{ userId: string; resetId: string } | null> {
    const match = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(token);
    if (!match) return null;
    const [, userId, secret] = match;
    const raw = await this.secrets.get(resetKey(userId));
    if (!raw) return null;
    const stored = JSON.parse(raw) as StoredReset;
    const matches = timingSafeEqual(digest(secret), Buffer.from(stored.hash, 'hex'));
    return matches ? { userId, resetId: stored.resetId } : null;
  }

  async consume(userId: string): Promise<void> {
    await this.secrets.delete(resetKey(userId));
  }
}

const resetKey = (userId: string): string => `password-reset:${userId}`;
const digest = (secret: string): Buffer => createHash('sha256').update(secret).digest();

import { LRUCache } from 'lru-cache';
import { createHmac, randomBytes } from 'node:crypto';

/** The versions of the streams that decide a basic credential's answer: the user's and their access controls'. */
export interface CredentialVersions {
  readonly user: number;
  readonly access: number;
}

/**
 * Remembers that a user's password was verified, so a basic-auth client does not pay argon2 on every
 * request, for as long as nothing that could change the answer happened: the entry holds the versions of
 * the user's stream (password change or reset, disable, lock, deletion request) and of their access
 * controls (safelist, API access) it was verified at, and any later event on either makes it a miss. The
 * password is not kept: only an HMAC of it under a key made at start and never leaving the process, so
 * the memory holds nothing an offline guess could be checked against after a restart. Bounded: the
 * least recently verified go first.
 */
export class VerifiedPasswords {
  private readonly key = randomBytes(32);
  private readonly entries: LRUCache<string, string>;

  constructor(capacity = 10_000) {
    this.entries = new LRUCache({ max: capacity });
  }

  has(userId: string, password: string, versions: CredentialVersions): boolean {
    return this.entries.get(userId) === this.fingerprint(userId, password, versions);
  }

  remember(userId: string, password: string, versions: CredentialVersions): void {
    this.entries.set(userId, this.fingerprint(userId, password, versions));
  }

  private fingerprint(userId: string, password: string, { user, access }: CredentialVersions): string {
    return createHmac('sha256', this.key)
      .update(`${userId}\u0000${user}\u0000${access}\u0000${password}`)
      .digest('base64url');
  }
}

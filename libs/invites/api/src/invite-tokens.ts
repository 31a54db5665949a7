import { Injectable } from '@nestjs/common';
import { SecretStore } from '@gatehouse/secrets';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

interface StoredToken {
  readonly sendId: string;
  readonly hash: string;
}

/**
 * Invite tokens: `<inviteId>.<32 random bytes, base64url>` (256 bits). Only the SHA-256 of the random part
 * is stored, under `invite-token:<inviteId>`, with the send it was issued for; the invite's stream names
 * its latest send, so a resent, revoked, accepted or expired invite refuses an older or spent token.
 */
@Injectable()
export class InviteTokens {
  constructor(private readonly secrets: SecretStore) {}

  /** Stores the token's hash, replacing the invite's earlier one; returns the token to send. */
  async issue(inviteId: string, sendId: string): Promise<string> {
    const secret = randomBytes(32).toString('base64url');
    const stored: StoredToken = { sendId, hash: digest(secret).toString('hex') };
    await this.secrets.put(tokenKey(inviteId), JSON.stringify(stored));
    return `${inviteId}.${secret}`;
  }

  /** The invite and send a token stands for, or null for a malformed, unknown or replaced token. */
  async redeem(token: string): Promise<{ inviteId: string; sendId: string } | null> {
    const match = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(token);
    if (!match) return null;
    const [, inviteId, secret] = match;
    const raw = await this.secrets.get(tokenKey(inviteId));
    if (!raw) return null;
    const stored = JSON.parse(raw) as StoredToken;
    const matches = timingSafeEqual(digest(secret), Buffer.from(stored.hash, 'hex'));
    return matches ? { inviteId, sendId: stored.sendId } : null;
  }

  async consume(inviteId: string): Promise<void> {
    await this.secrets.delete(tokenKey(inviteId));
  }
}

const tokenKey = (inviteId: string): string => `invite-token:${inviteId}`;
const digest = (secret: string): Buffer => createHash('sha256').update(secret).digest();

import { createHmac, timingSafeEqual } from 'node:crypto';

const PREFIX = 'ghs';

/**
 * A session token names its user and session and carries an HMAC over both, so a token cannot be forged
 * and the secret never needs storing: revocation is an event (UserSessionEnded) on the user's stream.
 */
export class SessionTokens {
  constructor(private readonly key: string) {}

  issue(userId: string, sessionId: string): string {
    return [PREFIX, userId, sessionId, this.mac(userId, sessionId)].join('.');
  }

  parse(token: string): { userId: string; sessionId: string } | null {
    const [prefix, userId, sessionId, mac, ...rest] = token.split('.');
    if (prefix !== PREFIX || !userId || !sessionId || !mac || rest.length > 0) return null;
    const expected = Buffer.from(this.mac(userId, sessionId));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    return { userId, sessionId };
  }

  private mac(userId: string, sessionId: string): string {
    return createHmac('sha256', this.key).update(`${userId}.${sessionId}`).digest('base64url');
  }
}

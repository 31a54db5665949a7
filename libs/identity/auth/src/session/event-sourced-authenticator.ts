import { Injectable } from '@nestjs/common';
import { type Principal, Authenticator } from '@gatehouse/http';
import { activeSession } from '@gatehouse/identity-domain';
import { Grants } from '../grants';
import { SessionConfig } from '../session.config';
import { SessionTokens } from './session-tokens';

/**
 * Judges every request by the store as it is now: the user's stream (is the session still open?), the
 * user's role assignments and the account's role catalog, all caught up through the state cache.
 * Permissions are resolved from that same state (custom role definitions included), so a role toggled or
 * defined, or a session ended, is in force for the very next request, in every runtime mode, every
 * service and every instance.
 */
@Injectable()
export class EventSourcedAuthenticator extends Authenticator {
  private readonly tokens: SessionTokens;

  constructor(
    private readonly grants: Grants,
    config: SessionConfig,
  ) {
    super();
    this.tokens = new SessionTokens(config.sessionKey);
  }

  async authenticate(token: string): Promise<Principal | null> {
    const parsed = this.tokens.parse(token);
    if (!parsed) return null;
    const user = await this.grants.user(parsed.userId);
    if (!user.exists || !activeSession(user, parsed.sessionId)) return null;
    const { roles, permissions } = await this.grants.grantsOf(user.accountId, user.userId);
    return {
      userId: user.userId,
      accountId: user.accountId,
      sessionId: parsed.sessionId,
      roles,
      permissions,
    };
  }
}

import { Injectable } from '@nestjs/common';
import { StateCache } from '@gatehouse/event-store';
import { type Principal, Authenticator } from '@gatehouse/http';
import { userDecider, userStreamId } from '@gatehouse/users-domain';
import { AccountRoles } from '../roles/account-roles';
import { SessionConfig } from '../users.config';
import { SessionTokens } from './session-tokens';

/**
 * Judges every request by the store as it is now: the user's stream (is the session still open?), the
 * user's role assignments and the account's role catalog, all caught up through the state cache. Permissions are resolved from that same
 * state (custom role definitions included), so a role toggled or defined, or a session ended, is in
 * force for the very next request, in every runtime mode and on every instance.
 */
@Injectable()
export class EventSourcedAuthenticator extends Authenticator {
  private readonly tokens: SessionTokens;

  constructor(
    private readonly states: StateCache,
    private readonly roles: AccountRoles,
    config: SessionConfig,
  ) {
    super();
    this.tokens = new SessionTokens(config.sessionKey);
  }

  async authenticate(token: string): Promise<Principal | null> {
    const parsed = this.tokens.parse(token);
    if (!parsed) return null;
    const { state: user } = await this.states.load(userStreamId(parsed.userId), userDecider);
    if (user.status !== 'active' || !user.sessions.has(parsed.sessionId)) return null;
    const { roles, permissions } = await this.roles.grantsOf(user.accountId, user.userId);
    return {
      userId: user.userId,
      accountId: user.accountId,
      sessionId: parsed.sessionId,
      roles,
      permissions,
    };
  }
}

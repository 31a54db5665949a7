import { Injectable } from '@nestjs/common';
import { StateCache } from '@gatehouse/event-store';
import { type Principal, Authenticator } from '@gatehouse/http';
import {
  permissionsOf,
  rolesDecider,
  rolesOf,
  rolesStreamId,
  userDecider,
  userStreamId,
} from '@gatehouse/users-domain';
import { SessionConfig } from '../users.config';
import { SessionTokens } from './session-tokens';

/**
 * Judges every request by the store as it is now: the user's stream (is the session still open?) and the
 * account's roles stream, both caught up through the state cache. Permissions are resolved from that same
 * state (custom role definitions included), so a role toggled or defined, or a session ended, is in
 * force for the very next request, in every runtime mode and on every instance.
 */
@Injectable()
export class EventSourcedAuthenticator extends Authenticator {
  private readonly tokens: SessionTokens;

  constructor(
    private readonly states: StateCache,
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
    const { state: roles } = await this.states.load(rolesStreamId(user.accountId), rolesDecider);
    return {
      userId: user.userId,
      accountId: user.accountId,
      sessionId: parsed.sessionId,
      roles: rolesOf(roles, user.userId),
      permissions: permissionsOf(roles, user.userId),
    };
  }
}

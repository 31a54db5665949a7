import { Injectable, UnauthorizedException } from '@nestjs/common';
import { type CommandContext, EventStore, handleCommand, loadState } from '@gatehouse/event-store';
import { userDecider, usernameDecider, usernameStreamId, userStreamId } from '@gatehouse/users-domain';
import { v7 as uuidv7 } from 'uuid';
import type { RequestContext } from '../command-context';
import { PasswordHasher } from '../password-hasher';
import { SessionTokens } from '../session/session-tokens';
import { SessionConfig } from '../users.config';

export interface LoginResult {
  readonly token: string;
  readonly userId: string;
  readonly accountId: string;
}

/** One answer for every failure (unknown user, wrong password): a login never tells which usernames exist. */
const refused = () => new UnauthorizedException('the username or password is wrong');

@Injectable()
export class LoginHandler {
  private readonly tokens: SessionTokens;

  constructor(
    private readonly store: EventStore,
    private readonly passwords: PasswordHasher,
    config: SessionConfig,
  ) {
    this.tokens = new SessionTokens(config.sessionKey);
  }

  async login(username: string, password: string, ip: string, context: RequestContext): Promise<LoginResult> {
    const { state: reservation } = await loadState(this.store, usernameStreamId(username), usernameDecider);
    const userId = reservation.status === 'reserved' ? reservation.userId : uuidv7();
    const { state: user } = await loadState(this.store, userStreamId(userId), userDecider);
    // Verify even for unknown users so both answers take the same time.
    const matches = await this.passwords.matches(userId, password);
    if (user.status !== 'active' || !matches) throw refused();
    const sessionId = uuidv7();
    const scoped: CommandContext = { ...context, accountId: user.accountId, actor: userId };
    await handleCommand(
      this.store,
      userStreamId(userId),
      userDecider,
      { type: 'RecordLoginSuccess', sessionId, ip, channel: 'password' },
      scoped,
    );
    return { token: this.tokens.issue(userId, sessionId), userId, accountId: user.accountId };
  }
}

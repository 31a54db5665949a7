import { HttpException, HttpStatus, Injectable, UnauthorizedException } from '@nestjs/common';
import { credentialsRefused } from '@gatehouse/http';
import { type CommandContext, EventStore, loadState } from '@gatehouse/event-store';
import { usernameDecider } from '@gatehouse/users-domain';
import { v7 as uuidv7 } from 'uuid';
import { PasswordHasher } from '@gatehouse/identity';
import { LoginThrottle } from './login-throttle';
import { appended, UserCommands } from '../user-commands';
import {
  Grants,
  type RequestContext,
  SessionConfig,
  SessionTokens,
  UsernameReservations,
} from '@gatehouse/identity';
import { ipAllowed } from '@gatehouse/identity-domain';

export interface LoginResult {
  readonly token: string;
  readonly userId: string;
  readonly accountId: string;
}

/**
 * One answer for every failure (unknown user, wrong password, locked, disabled, asked to be deleted,
 * outside the safelist), the one HTTP basic authentication gives too: a login never tells which
 * usernames exist nor whether a guessed password was right for a locked user.
 */
const refused = credentialsRefused;

/** Enough to tell browsers and clients apart in a list of sessions; a longer header is cut. */
const MAX_USER_AGENT = 256;

/** Too many recent failures from this address or for this username: try again after `retryAfter` s. */
export class LoginThrottled extends HttpException {
  constructor(readonly retryAfter: number) {
    super(
      'too many failed logins from this address or for this username; try again later',
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}

/**
 * Every attempt on an existing user is recorded on its stream, which also counts the failures and locks
 * (see decideLoginAttempt). Attempts on unknown usernames write nothing: there is no stream to write to,
 * and creating one would let anyone fill the store.
 */
@Injectable()
export class LoginHandler {
  private readonly tokens: SessionTokens;

  constructor(
    private readonly store: EventStore,
    private readonly users: UserCommands,
    private readonly passwords: PasswordHasher,
    private readonly reservations: UsernameReservations,
    private readonly throttle: LoginThrottle,
    private readonly grants: Grants,
    config: SessionConfig,
  ) {
    this.tokens = new SessionTokens(config.sessionKey);
  }

  async login(
    username: string,
    password: string,
    ip: string,
    context: RequestContext,
    userAgent?: string,
  ): Promise<LoginResult> {
    const usernameKey = this.reservations.streamIdOf(username);
    const retryAfter = await this.throttle.retryAfter(ip, usernameKey);
    if (retryAfter !== null) throw new LoginThrottled(retryAfter);
    try {
      return await this.attempt(usernameKey, password, ip, context, userAgent);
    } catch (error) {
      if (error instanceof UnauthorizedException) await this.throttle.failed(ip, usernameKey);
      throw error;
    }
  }

  private async attempt(
    usernameKey: string,
    password: string,
    ip: string,
    context: RequestContext,
    userAgent: string | undefined,
  ): Promise<LoginResult> {
    const { state: reservation } = await loadState(this.store, usernameKey, usernameDecider);
    const userId = reservation.status === 'reserved' ? reservation.userId : uuidv7();
    // Verify even for unknown users so both answers take the same time.
    const passwordMatches = await this.passwords.matches(userId, password);
    const user = await this.users.user(userId);
    if (user.status === 'none' || user.deletionRequested) throw refused();
    // Outside the user's IP safelist: the same answer as a wrong password, so that no one outside the
    // list learns whether a guessed password was right; nothing is recorded, so no one outside it can
    // lock the user out either.
    if (!ipAllowed((await this.grants.access(userId)).state, ip)) throw refused();
    const { lockout } = await this.users.settings(user.accountId);
    const sessionId = uuidv7();
    const scoped: CommandContext = { ...context, accountId: user.accountId, actor: userId };
    const result = await this.users.run(
      userId,
      {
        type: 'RecordLoginAttempt',
        sessionId,
        ip,
        channel: 'password',
        at: context.now.toISOString(),
        ...(userAgent ? { userAgent: userAgent.slice(0, MAX_USER_AGENT) } : {}),
        passwordMatches,
        lockout,
      },
      scoped,
    );
    if (!appended(result, 'UserLoginSucceeded')) throw refused();
    return { token: this.tokens.issue(userId, sessionId), userId, accountId: user.accountId };
  }
}

import { HttpException, HttpStatus, Injectable, UnauthorizedException } from '@nestjs/common';
import { credentialsRefused } from '@gatehouse/http';
import type { CommandContext } from '@gatehouse/event-store';
import { v7 as uuidv7 } from 'uuid';
import { PasswordHasher } from '@gatehouse/identity';
import { LoginThrottle } from './login-throttle';
import { appended, UserCommands } from '../user-commands';
import {
  AccessRefusalRecorder,
  Clock,
  Grants,
  NOBODY,
  type RequestContext,
  SessionConfig,
  SessionTokens,
  UsernameReservations,
} from '@gatehouse/identity';
import { initialAccessPending, ipAllowed } from '@gatehouse/identity-domain';

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
 * (see decideLoginAttempt); an attempt refused before that (asked to be deleted, outside the safelist) is
 * recorded for admins on the user's refusals stream instead, which counts towards no lockout. Attempts on
 * unknown usernames write nothing: there is no stream to write to, and creating one would let anyone fill
 * the store. The attempt's time is the Clock's, the one sessions are judged by.
 */
@Injectable()
export class LoginHandler {
  private readonly tokens: SessionTokens;

  constructor(
    private readonly users: UserCommands,
    private readonly passwords: PasswordHasher,
    private readonly reservations: UsernameReservations,
    private readonly throttle: LoginThrottle,
    private readonly grants: Grants,
    private readonly refusals: AccessRefusalRecorder,
    private readonly clock: Clock,
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

  /**
   * Round trips, in order: whose the username is (none once its owner was read: a reservation never
   * changes), the password's hash, then every stream the checks need in one read (the user's account is
   * known once the user was read: it never changes), then the attempt's append. The checks read the
   * streams after the password was verified, as they are when the session is issued, not as they were
   * before a hash that may have queued behind others.
   */
  private async attempt(
    usernameKey: string,
    password: string,
    ip: string,
    context: RequestContext,
    userAgent: string | undefined,
  ): Promise<LoginResult> {
    const owner = await this.grants.usernameOwner(usernameKey);
    const userId = owner?.userId ?? NOBODY;
    // Verify even for unknown users so both answers take the same time.
    const passwordMatches = await this.passwords.matches(userId, password);
    const knownAccount = this.grants.knownAccountOf(userId);
    const [user, access, knownSettings] = await Promise.all([
      this.grants.user(userId),
      this.grants.access(userId),
      knownAccount === undefined ? undefined : this.users.settings(knownAccount),
    ]);
    if (!owner || !user.exists) throw refused();
    const { accountId } = user;
    const refusal = { userId, accountId, channel: 'password-login', ip } as const;
    if (user.deletionRequested) {
      this.refusals.refused({ ...refusal, reason: 'deletion-requested' });
      throw refused();
    }
    // Outside the user's IP safelist: the same answer as a wrong password, so that no one outside the
    // list learns whether a guessed password was right; it is recorded as a refusal, never as a failed
    // login, so no one outside the list can lock the user out.
    if (!ipAllowed(access.state, ip)) {
      this.refusals.refused({ ...refusal, reason: passwordMatches ? 'outside-safelist' : 'wrong-password' });
      throw refused();
    }
    if (initialAccessPending(user, access.version)) throw refused();
    const { lockout } = knownSettings ?? (await this.users.settings(accountId));
    const sessionId = uuidv7();
    const at = this.clock.now();
    const scoped: CommandContext = { ...context, accountId, actor: userId, now: at };
    const result = await this.users.run(
      userId,
      {
        type: 'RecordLoginAttempt',
        sessionId,
        ip,
        channel: 'password',
        at: at.toISOString(),
        ...(userAgent ? { userAgent: userAgent.slice(0, MAX_USER_AGENT) } : {}),
        passwordMatches,
        lockout,
      },
      scoped,
    );
    if (!appended(result, 'UserLoginSucceeded')) throw refused();
    return { token: this.tokens.issue(userId, sessionId), userId, accountId };
  }
}

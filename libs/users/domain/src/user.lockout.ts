import type { LockoutPolicy, UserEvent } from '@gatehouse/contracts';
import type {
  CompletePasswordReset,
  RecordLoginAttempt,
  SendPasswordReset,
  UnlockUser,
} from './user.commands';
import { assertPasswordPolicy } from './user.password-policy';
import type { ExistingUser } from './user.state';
import { UserErrors } from './user.errors';

/**
 * Every login attempt is recorded. Wrong passwords are counted from the stream itself: the failures of
 * the window plus this one reach the account's limit → the user is locked in the same append. Parallel
 * attempts each append at the version they read, so a racing one re-reads, re-decides and counts the
 * others: no failure slips past the limit.
 */
export function decideLoginAttempt(command: RecordLoginAttempt, user: ExistingUser): UserEvent[] {
  const { userId } = user;
  const { ip, channel, at } = command;
  const failed = (reason: 'wrong-password' | 'locked' | 'disabled'): UserEvent => ({
    type: 'UserLoginFailed',
    data: { userId, reason, ip, channel, at },
  });
  if (user.disabled) return [failed('disabled')];
  if (user.locked) return [failed('locked')];
  if (command.passwordMatches) {
    const userAgent = command.userAgent === undefined ? {} : { userAgent: command.userAgent };
    const { sessionId } = command;
    const ended = oldestBeyondCap(user.sessions);
    const endedSessionIds = ended.length > 0 ? { endedSessionIds: ended } : {};
    return [
      {
        type: 'UserLoginSucceeded',
        data: { userId, sessionId, ip, channel, at, ...userAgent, ...endedSessionIds },
      },
    ];
  }
  const failures = failuresWithin(user.recentFailures, command.lockout, at) + 1;
  if (failures < command.lockout.maxFailures) return [failed('wrong-password')];
  return [failed('wrong-password'), { type: 'UserLocked', data: { userId, failures, at } }];
}

/**
 * Open sessions a user may hold at once; a login past it ends the oldest. Sessions that expired by policy
 * stay in the stream's state until they end, so without a cap every login of a long history would copy
 * all the earlier ones: this keeps what each login folds and stores constant.
 */
export const MAX_OPEN_SESSIONS = 100;

/** The oldest sessions to end so that, with the one a login opens, at most MAX_OPEN_SESSIONS are open. */
function oldestBeyondCap(sessions: ReadonlySet<string>): string[] {
  const excess = sessions.size + 1 - MAX_OPEN_SESSIONS;
  return excess > 0 ? [...sessions].slice(0, excess) : [];
}

function failuresWithin(failures: readonly string[], lockout: LockoutPolicy, at: string): number {
  const windowStart = Date.parse(at) - lockout.windowMinutes * 60_000;
  return failures.filter((failure) => Date.parse(failure) > windowStart).length;
}

/** Unlocking issues a single-use reset link; a disabled user is enabled first, so no link goes nowhere. */
export function decideUnlock(command: UnlockUser, user: ExistingUser): UserEvent[] {
  if (user.disabled) throw UserErrors.disabled();
  if (!user.locked) throw UserErrors.notLocked();
  const { resetId, expiresAt } = command;
  return [
    { type: 'UserUnlocked', data: { userId: user.userId } },
    { type: 'PasswordResetRequested', data: { userId: user.userId, resetId, expiresAt } },
  ];
}

/**
 * "Change the password" on another user's profile: a new link replaces any earlier one (a first-password
 * link that expired or went to a mistyped address included), so only the latest works. A disabled user is
 * sent nothing, and a locked one is unlocked instead, which sends the link: a reset cannot complete while
 * the user is locked.
 */
export function decideSendPasswordReset(command: SendPasswordReset, user: ExistingUser): UserEvent[] {
  if (user.disabled) throw UserErrors.disabled();
  if (user.locked) throw UserErrors.locked();
  const { resetId, expiresAt } = command;
  return [{ type: 'PasswordResetRequested', data: { userId: user.userId, resetId, expiresAt } }];
}

/**
 * The reset id comes from the token's stored record: only the pending, unexpired reset completes, once.
 * A wrong, spent, replaced or expired link is refused alike: the answer tells a link holder nothing.
 */
export function decidePasswordReset(command: CompletePasswordReset, user: ExistingUser): UserEvent[] {
  const pending = user.pendingReset;
  if (!pending || pending.resetId !== command.resetId) throw UserErrors.resetTokenInvalid();
  if (Date.parse(command.now) >= Date.parse(pending.expiresAt)) throw UserErrors.resetTokenInvalid();
  if (user.disabled) throw UserErrors.disabled();
  if (user.locked) throw UserErrors.locked();
  assertPasswordPolicy(command.newPassword, command.policy);
  return [{ type: 'UserPasswordReset', data: { userId: user.userId, resetId: command.resetId } }];
}

import type { UserEvent } from '@gatehouse/contracts';
import type { View } from '@gatehouse/domain-kit';
import { restrictsAccess } from './initial-access-controls';

/**
 * What authentication needs of a user's stream: whose account, whether they may act, which sessions are
 * open. A view of the users context's published events, so every service authenticates without the users
 * context's decider; the users decider's own state agrees on these facts (a shared spec checks it).
 */
export type PrincipalUser =
  | { readonly exists: false }
  | {
      readonly exists: true;
      readonly userId: string;
      readonly accountId: string;
      readonly disabled: boolean;
      readonly locked: boolean;
      /** Asked to be deleted: refused at the edge from then on, whatever the credential. */
      readonly deletionRequested: boolean;
      /**
       * Created with access controls (an invite's, or those of the admin who created the user), which the
       * access-control context applies after the creation.
       */
      readonly createdWithAccess: boolean;
      /** Has a mobile number: a 2FA PIN can go by SMS or voice. */
      readonly hasMobile: boolean;
      readonly sessions: ReadonlyMap<string, OpenSession>;
    };

/** A session as its login recorded it; `startedAt` and `userAgent` are absent on older logins. */
export interface OpenSession {
  readonly sessionId: string;
  readonly startedAt: string | undefined;
  readonly ip: string;
  readonly userAgent: string | undefined;
}

const none: ReadonlyMap<string, OpenSession> = new Map();

export const principalUserView: View<PrincipalUser, UserEvent> = {
  initialState: () => ({ exists: false }),
  snapshot: 'principal-user.3',
  evolve: (user, event) => {
    if (event.type === 'UserCreated') {
      const { userId, accountId, invite, accessControls, mobile } = event.data;
      return {
        exists: true,
        userId,
        accountId,
        disabled: false,
        locked: false,
        deletionRequested: false,
        createdWithAccess: restrictsAccess(invite?.accessControls ?? accessControls),
        hasMobile: typeof mobile === 'string',
        sessions: none,
      };
    }
    if (!user.exists) return user;
    switch (event.type) {
      case 'UserLoginSucceeded': {
        const { sessionId, at, ip, userAgent, endedSessionIds = [] } = event.data;
        const sessions = new Map(user.sessions);
        for (const ended of endedSessionIds) sessions.delete(ended);
        return { ...user, sessions: sessions.set(sessionId, { sessionId, startedAt: at, ip, userAgent }) };
      }
      case 'UserSessionEnded': {
        const sessions = new Map(user.sessions);
        sessions.delete(event.data.sessionId);
        return { ...user, sessions };
      }
      case 'UserPasswordChanged': {
        const kept = user.sessions.get(event.data.keptSessionId);
        return { ...user, sessions: kept ? new Map([[kept.sessionId, kept]]) : none };
      }
      case 'UserDisabled':
        return { ...user, disabled: true, sessions: none };
      case 'UserEnabled':
        return { ...user, disabled: false };
      case 'UserDeletionRequested':
        return { ...user, deletionRequested: true, sessions: none };
      case 'UserDeletionRequestWithdrawn':
        return { ...user, deletionRequested: false };
      case 'UserLocked':
        return { ...user, locked: true, sessions: none };
      case 'UserUnlocked':
        return { ...user, locked: false };
      case 'UserPasswordReset':
        return { ...user, sessions: none };
      case 'UserContactInfoChanged': {
        const mobile = event.data.changes.mobile;
        return mobile ? { ...user, hasMobile: typeof mobile.to === 'string' } : user;
      }
      default:
        return user;
    }
  },
};

/** Whether the user may act now, by any credential: neither disabled, locked nor asked to be deleted. */
export const mayAct = (user: PrincipalUser): user is Extract<PrincipalUser, { exists: true }> =>
  user.exists && !user.disabled && !user.locked && !user.deletionRequested;

/** A session the user may act in now: the user may act and the session is open. */
export const activeSession = (user: PrincipalUser, sessionId: string): boolean =>
  mayAct(user) && user.sessions.has(sessionId);

/**
 * A user created with access controls not applied yet (their access stream is still empty): no password
 * of theirs is accepted until then, so nobody acts outside the safelist chosen for them, even when the
 * accept's or the create's wait for the access-control context ran out.
 */
export const initialAccessPending = (user: PrincipalUser, accessVersion: number): boolean =>
  user.exists && user.createdWithAccess && accessVersion < 0;

/** Why a user who exists may not act, whatever their credential; null when they may. */
export function standingRefusal(
  user: Extract<PrincipalUser, { exists: true }>,
): 'disabled' | 'locked' | 'deletion-requested' | null {
  if (user.disabled) return 'disabled';
  if (user.locked) return 'locked';
  if (user.deletionRequested) return 'deletion-requested';
  return null;
}

import type { StoredEvent, UserEvent } from '@gatehouse/contracts';
import type { TemplateName } from '@gatehouse/notifications';
import type { UserState } from '@gatehouse/users-domain';

/** One email a stored event calls for; `reset` asks for a reset link made when it is sent. */
export interface UserEmail {
  readonly template: TemplateName;
  /** Absent: the user's current address. */
  readonly to?: string;
  readonly params?: Readonly<Record<string, string>>;
  readonly reset?: { readonly resetId: string; readonly expiresAt: string };
}

/** The events `emailsFor` may answer with an email: the user emails reaction passes every other over. */
export const emailingTypes: ReadonlySet<string> = new Set<UserEvent['type']>([
  'UserLocked',
  'UserPasswordChanged',
  'UserCreated',
  'PasswordResetRequested',
  'UserContactInfoChanged',
]);

/**
 * Which emails an event calls for, given the user as stored now. Disabled users and users whose reset was
 * since replaced or used get nothing. Pure: the reaction does the sending.
 */
export function emailsFor(event: StoredEvent, user: UserState): UserEmail[] {
  if (user.status === 'none' || user.status === 'disabled') return [];
  const typed = { type: event.type, data: event.data } as UserEvent;
  switch (typed.type) {
    case 'UserLocked':
      return [{ template: 'account-locked' }];
    case 'UserPasswordChanged':
      return [{ template: 'password-changed' }];
    case 'UserCreated': {
      const link = typed.data.firstPassword;
      return link && user.pendingReset?.resetId === link.resetId
        ? [{ template: 'set-password', reset: link }]
        : [];
    }
    case 'PasswordResetRequested': {
      const { resetId, expiresAt } = typed.data;
      return user.pendingReset?.resetId === resetId
        ? [{ template: 'password-reset', reset: { resetId, expiresAt } }]
        : [];
    }
    case 'UserContactInfoChanged': {
      const email = typed.data.changes.email;
      if (!email) return [];
      return [
        { template: 'email-changed-old-address', to: email.from, params: { newEmail: email.to } },
        { template: 'email-changed-new-address', to: email.to },
      ];
    }
    default:
      return [];
  }
}

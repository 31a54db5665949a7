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

/** A user who can be emailed: one that exists and is not disabled. */
type Reachable = Exclude<UserState, { status: 'none' | 'disabled' }>;

type EmailRules = {
  readonly [T in UserEvent['type']]?: (
    data: Extract<UserEvent, { type: T }>['data'],
    user: Reachable,
  ) => UserEmail[];
};

/** The emails each event type calls for, given the user as stored now; a type not here calls for none. */
const rules: EmailRules = {
  UserLocked: () => [{ template: 'account-locked' }],
  UserPasswordChanged: () => [{ template: 'password-changed' }],
  UserCreated: ({ firstPassword: link }, user) =>
    link && user.pendingReset?.resetId === link.resetId ? [{ template: 'set-password', reset: link }] : [],
  PasswordResetRequested: ({ resetId, expiresAt }, user) =>
    user.pendingReset?.resetId === resetId
      ? [{ template: 'password-reset', reset: { resetId, expiresAt } }]
      : [],
  UserContactInfoChanged: ({ changes: { email } }) =>
    email
      ? [
          { template: 'email-changed-old-address', to: email.from, params: { newEmail: email.to } },
          { template: 'email-changed-new-address', to: email.to },
        ]
      : [],
};

/** The events `emailsFor` may answer with an email: the user emails reaction passes every other over. */
export const emailingTypes: ReadonlySet<string> = new Set(Object.keys(rules));

/**
 * Which emails an event calls for, given the user as stored now. Disabled users and users whose reset was
 * since replaced or used get nothing. Pure: the reaction does the sending.
 */
export function emailsFor(event: StoredEvent, user: UserState): UserEmail[] {
  if (user.status === 'none' || user.status === 'disabled' || !Object.hasOwn(rules, event.type)) return [];
  const rule = rules[event.type as UserEvent['type']] as (data: unknown, user: Reachable) => UserEmail[];
  return rule(event.data, user);
}

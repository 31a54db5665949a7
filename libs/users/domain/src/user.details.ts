import type { UserContactInfoChanged, UserDetailsUpdated, UserProfile } from '@gatehouse/contracts';
import type { ChangeContactInfo, UpdateUserDetails } from './user.commands';
import type { ExistingUser } from './user.state';
import { UserErrors } from './user.errors';
import { validContactInfo, validDetailChanges } from './user.profile';

export type EditableDetails = Pick<UserProfile, 'firstName' | 'lastName' | 'language' | 'timeZone'>;

/** Records only the fields that change, each with its previous and new value. */
export function decideDetails(command: UpdateUserDetails, user: ExistingUser): UserDetailsUpdated[] {
  const changes = diff(user.profile, validDetailChanges(command.changes));
  if (Object.keys(changes).length === 0) throw UserErrors.nothingToChange();
  // The language is read-only for users without the Account admin role, admins' own included.
  if (changes['language'] && !command.actorIsAccountAdmin) throw UserErrors.languageReadOnly();
  return [{ type: 'UserDetailsUpdated', data: { userId: user.userId, changes } }];
}

/** A PUT of what is already stored changes nothing and records nothing (PUT is idempotent). */
export function decideContactInfo(command: ChangeContactInfo, user: ExistingUser): UserContactInfoChanged[] {
  validContactInfo(command.email, command.mobile);
  const changes = diff(user.profile, { email: command.email, mobile: command.mobile });
  if (Object.keys(changes).length === 0) return [];
  return [{ type: 'UserContactInfoChanged', data: { userId: user.userId, changes } }];
}

function diff<K extends keyof UserProfile>(
  profile: UserProfile,
  wanted: Partial<Pick<UserProfile, K>>,
): { [F in K]?: { from: UserProfile[F]; to: UserProfile[F] } } {
  const fields = (Object.keys(wanted) as K[]).filter(
    (field) => wanted[field] !== undefined && wanted[field] !== profile[field],
  );
  return Object.fromEntries(fields.map((field) => [field, { from: profile[field], to: wanted[field] }])) as {
    [F in K]?: { from: UserProfile[F]; to: UserProfile[F] };
  };
}

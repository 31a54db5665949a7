import type { PasswordPolicy } from '@gatehouse/contracts';
import { UserErrors } from './user.errors';

/**
 * The four character classes a policy counts. Letters without case (CJK, Arabic…) count as "other", so a
 * password in any script can meet a policy.
 */
const characterClasses: readonly RegExp[] = [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{Ll}\p{Lu}\p{Nd}]/u];

export function characterClassesIn(password: string): number {
  return characterClasses.filter((pattern) => pattern.test(password)).length;
}

/** Throws the first rule the password breaks; length counts code points, not UTF-16 units. */
export function assertPasswordPolicy(password: string, policy: PasswordPolicy, field = 'newPassword'): void {
  if ([...password].length < policy.minLength) throw UserErrors.passwordTooShort(policy.minLength, field);
  if (characterClassesIn(password) < policy.minCharacterClasses) {
    throw UserErrors.passwordTooFewClasses(policy.minCharacterClasses, field);
  }
}

import { isLanguageTag, type UserProfile } from '@gatehouse/contracts';
import { normaliseName } from '@gatehouse/domain-kit';
import { UserErrors } from './user.errors';
import type { EditableDetails } from './user.details';

/** The longest first or last name, in code points (docs/limits.md). */
export const USER_NAME_MAX_LENGTH = 100;

const nameFields = ['firstName', 'lastName'] as const;
const requiredTextFields = ['username', 'timeZone'] as const;
const e164 = /^\+[1-9]\d{6,14}$/;

/** A first or last name in its one stored form, or the rule it breaks. */
export function userName(field: (typeof nameFields)[number], raw: unknown): string {
  if (typeof raw !== 'string') throw UserErrors.fieldRequired(field);
  const checked = normaliseName(raw, USER_NAME_MAX_LENGTH);
  if (checked.ok) return checked.value;
  if (checked.rule === 'blank') throw UserErrors.fieldRequired(field);
  throw UserErrors.nameInvalid(field, checked.message, checked.rule === 'too-long');
}

function requiredText(field: string, raw: unknown): string {
  if (typeof raw !== 'string' || raw.trim().length === 0) throw UserErrors.fieldRequired(field);
  return raw;
}

function language(raw: unknown): EditableDetails['language'] {
  if (typeof raw !== 'string' || raw.trim().length === 0) throw UserErrors.fieldRequired('language');
  if (!isLanguageTag(raw)) throw UserErrors.languageUnsupported();
  return raw;
}

/** Email and mobile as the contact-info rules hold them: an email is required, a mobile E.164 or none. */
export function validContactInfo(email: unknown, mobile: unknown): void {
  requiredText('email', email);
  if (mobile !== null && (typeof mobile !== 'string' || !e164.test(mobile))) throw UserErrors.mobileInvalid();
}

/** The profile a new user is stored with: every required field present, names in their canonical form. */
export function validProfile(profile: UserProfile): UserProfile {
  validContactInfo(profile.email, profile.mobile);
  for (const field of requiredTextFields) requiredText(field, profile[field]);
  return {
    ...profile,
    firstName: userName('firstName', profile.firstName),
    lastName: userName('lastName', profile.lastName),
    language: language(profile.language),
  };
}

/** What a details edit may carry from the wire: a field it names may not be null or blank. */
export type DetailChanges = { readonly [K in keyof EditableDetails]?: EditableDetails[K] | null };

/** The edit with names in their canonical form; fields left out (undefined) stay as they are. */
export function validDetailChanges(changes: DetailChanges): Partial<EditableDetails> {
  const valid: { -readonly [K in keyof EditableDetails]?: EditableDetails[K] } = {};
  for (const field of nameFields) {
    if (changes[field] !== undefined) valid[field] = userName(field, changes[field]);
  }
  if (changes.language !== undefined) valid.language = language(changes.language);
  if (changes.timeZone !== undefined) valid.timeZone = requiredText('timeZone', changes.timeZone);
  return valid;
}

import { DomainError } from '@gatehouse/domain-kit';

/** Every rule of the users context has one stable code here; the HTTP layer maps kinds to statuses. */
export const UserErrors = {
  alreadyExists: () => new DomainError('USER_ALREADY_EXISTS', 'conflict', 'the user already exists'),
  notFound: () => new DomainError('USER_NOT_FOUND', 'not-found', 'no such user'),
  unknownRoles: (roleIds: readonly string[]) =>
    new DomainError(
      'UNKNOWN_ROLE',
      'unprocessable',
      `not in the account's catalog: ${roleIds.join(', ')}`,
      'roles',
    ),
  usernameTaken: () =>
    new DomainError('USERNAME_TAKEN', 'conflict', 'the username is already taken', 'username'),
  sessionNotFound: () => new DomainError('SESSION_NOT_FOUND', 'not-found', 'no such session'),
  accountAlreadyExists: () =>
    new DomainError('ACCOUNT_ALREADY_EXISTS', 'conflict', 'the account already exists'),
  accountNotFound: () => new DomainError('ACCOUNT_NOT_FOUND', 'not-found', 'no such account'),
  nothingToChange: () =>
    new DomainError('USER_DETAILS_UNCHANGED', 'unprocessable', 'the request changes nothing'),
  languageReadOnly: () =>
    new DomainError(
      'LANGUAGE_READ_ONLY',
      'forbidden',
      'only an Account admin may change a language, their own included',
      'language',
    ),
  passwordChangeSelfOnly: () =>
    new DomainError('PASSWORD_CHANGE_SELF_ONLY', 'forbidden', 'only users themselves change their password'),
  currentPasswordWrong: () =>
    new DomainError(
      'CURRENT_PASSWORD_WRONG',
      'unprocessable',
      'the current password is wrong',
      'currentPassword',
    ),
  passwordTooShort: (minLength: number, field = 'newPassword') =>
    new DomainError(
      'PASSWORD_TOO_SHORT',
      'unprocessable',
      `the password must have at least ${minLength} characters`,
      field,
    ),
  passwordTooFewClasses: (minClasses: number, field = 'newPassword') =>
    new DomainError(
      'PASSWORD_TOO_FEW_CHARACTER_CLASSES',
      'unprocessable',
      `the password must mix at least ${minClasses} of: lowercase, uppercase, digits, symbols`,
      field,
    ),
  cannotDisableSelf: () =>
    new DomainError('CANNOT_DISABLE_SELF', 'forbidden', 'nobody can disable their own account'),
  adminCannotRequestOwnDeletion: () =>
    new DomainError(
      'ACCOUNT_ADMIN_OWN_DELETION',
      'forbidden',
      "an Account admin's deletion is requested by another Account admin, who can also take it back",
    ),
  alreadyDisabled: () => new DomainError('USER_ALREADY_DISABLED', 'conflict', 'the user is already disabled'),
  notDisabled: () => new DomainError('USER_NOT_DISABLED', 'conflict', 'the user is not disabled'),
  disabled: () => new DomainError('USER_DISABLED', 'conflict', 'the user is disabled; enable them first'),
  deletionAlreadyRequested: () =>
    new DomainError(
      'DELETION_ALREADY_REQUESTED',
      'conflict',
      'the deletion of this user is already requested',
    ),
  deletionNotRequested: () =>
    new DomainError('DELETION_NOT_REQUESTED', 'conflict', 'no deletion of this user is requested'),
  notLocked: () => new DomainError('USER_NOT_LOCKED', 'conflict', 'the user is not locked'),
  locked: () =>
    new DomainError('USER_LOCKED', 'conflict', 'the user is locked; only an Account admin can unlock them'),
  resetTokenInvalid: () =>
    new DomainError(
      'RESET_TOKEN_INVALID',
      'unprocessable',
      'the password link is unknown, was already used or has expired',
      'token',
    ),
  fieldRequired: (field: string) =>
    new DomainError(
      'USER_FIELD_REQUIRED',
      'unprocessable',
      `${field} is required: it cannot be removed or left blank`,
      field,
    ),
  nameInvalid: (field: string, message: string, tooLong: boolean) =>
    new DomainError(
      tooLong ? 'USER_NAME_TOO_LONG' : 'USER_NAME_FORBIDDEN_CHARACTER',
      'unprocessable',
      `${field} ${message}`,
      field,
    ),
  languageUnsupported: () =>
    new DomainError(
      'LANGUAGE_UNSUPPORTED',
      'unprocessable',
      'language is not a supported language',
      'language',
    ),
  mobileInvalid: () =>
    new DomainError('MOBILE_INVALID', 'unprocessable', 'mobile must be an E.164 number or null', 'mobile'),
};

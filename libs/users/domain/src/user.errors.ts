import { DomainError } from '@gatehouse/domain-kit';

/** Every rule of the users context has one stable code here; the HTTP layer maps kinds to statuses. */
export const UserErrors = {
  alreadyExists: () => new DomainError('USER_ALREADY_EXISTS', 'conflict', 'the user already exists'),
  notFound: () => new DomainError('USER_NOT_FOUND', 'not-found', 'no such user'),
  usernameTaken: () =>
    new DomainError('USERNAME_TAKEN', 'conflict', 'the username is already taken', 'username'),
  sessionNotFound: () => new DomainError('SESSION_NOT_FOUND', 'not-found', 'no such session'),
  accountAlreadyExists: () =>
    new DomainError('ACCOUNT_ALREADY_EXISTS', 'conflict', 'the account already exists'),
  nothingToChange: () =>
    new DomainError('USER_DETAILS_UNCHANGED', 'unprocessable', 'the request changes nothing'),
};

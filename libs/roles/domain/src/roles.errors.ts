import { DomainError } from '@gatehouse/domain-kit';
import { ROLE_NAME_MAX_LENGTH } from './role-rules';

/** Every rule of the roles catalog and assignments has one stable code here. */
export const RoleErrors = {
  accountAdminRequired: () =>
    new DomainError('ACCOUNT_ADMIN_REQUIRED', 'forbidden', 'only an Account admin manages roles'),
  userNotFound: () => new DomainError('USER_NOT_FOUND', 'not-found', 'no such user'),
  roleNotFound: () =>
    new DomainError('ROLE_NOT_FOUND', 'not-found', "no such role in the account's catalog", 'roleId'),
  unknownRoles: (roleIds: readonly string[]) =>
    new DomainError(
      'UNKNOWN_ROLE',
      'unprocessable',
      `not in the account's catalog: ${roleIds.join(', ')}`,
      'roles',
    ),
  lastAdmin: () =>
    new DomainError(
      'LAST_ACCOUNT_ADMIN',
      'conflict',
      'the last Account admin of an account cannot lose the role',
      'roleId',
    ),
  ownAdmin: () =>
    new DomainError(
      'OWN_ACCOUNT_ADMIN',
      'forbidden',
      'nobody removes their own Account admin role',
      'roleId',
    ),
  roleAlreadyExists: () =>
    new DomainError('ROLE_ALREADY_EXISTS', 'conflict', 'the role already exists', 'roleId'),
  nameInvalid: () =>
    new DomainError(
      'ROLE_NAME_INVALID',
      'unprocessable',
      `a role name has 1 to ${ROLE_NAME_MAX_LENGTH} characters, not only spaces`,
      'name',
    ),
  nameTaken: () =>
    new DomainError('ROLE_NAME_TAKEN', 'conflict', 'the account already has a role of that name', 'name'),
  permissionNotDelegable: (permissions: readonly string[]) =>
    new DomainError(
      'PERMISSION_NOT_DELEGABLE',
      'unprocessable',
      `only the Account admin role carries ${permissions.join(', ')}`,
      'permissions',
    ),
};

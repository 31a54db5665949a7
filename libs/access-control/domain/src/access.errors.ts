import { DomainError } from '@gatehouse/domain-kit';

export const IP_SAFELIST_MAX_ENTRIES = 100;
export const IP_LABEL_MAX_LENGTH = 60;
export const API_KEY_NAME_MAX_LENGTH = 60;
export const API_KEY_MAX_DAYS = 365;
export const API_KEYS_MAX_LIVE = 50;
export const MOBILE_DEVICE_NAME_MAX_LENGTH = 60;
export const MOBILE_DEVICES_MAX = 10;

/**
 * Every rule of the access-control context has one stable code here, but a safelist entry's, which invites
 * share (ip-safelist-entry.ts in the identity lib).
 */
export const AccessErrors = {
  userNotFound: () => new DomainError('USER_NOT_FOUND', 'not-found', 'no such user'),
  labelTooLong: () =>
    new DomainError(
      'IP_LABEL_TOO_LONG',
      'unprocessable',
      `a label has at most ${IP_LABEL_MAX_LENGTH} characters`,
      'entries',
    ),
  tooManyEntries: () =>
    new DomainError(
      'IP_SAFELIST_TOO_LONG',
      'unprocessable',
      `an IP safelist holds at most ${IP_SAFELIST_MAX_ENTRIES} entries`,
      'entries',
    ),
  selfLockout: () =>
    new DomainError(
      'IP_SAFELIST_SELF_LOCKOUT',
      'unprocessable',
      'your own safelist must include the address you are calling from, or you would lock yourself out',
      'entries',
    ),
  keyNameInvalid: () =>
    new DomainError(
      'API_KEY_NAME_INVALID',
      'unprocessable',
      `an API key name has 1 to ${API_KEY_NAME_MAX_LENGTH} characters, not only spaces`,
      'name',
    ),
  keyNameTaken: () =>
    new DomainError('API_KEY_NAME_TAKEN', 'conflict', 'the user already has a live key of that name', 'name'),
  keyExpiryInvalid: () =>
    new DomainError(
      'API_KEY_EXPIRY_INVALID',
      'unprocessable',
      `an API key expires in the future, at most ${API_KEY_MAX_DAYS} days from now`,
      'expiresAt',
    ),
  keyPermissionNotHeld: (permissions: readonly string[]) =>
    new DomainError(
      'API_KEY_PERMISSION_NOT_HELD',
      'unprocessable',
      `a key cannot carry what its owner does not hold: ${permissions.join(', ')}`,
      'permissions',
    ),
  tooManyKeys: () =>
    new DomainError(
      'API_KEY_LIMIT',
      'conflict',
      `a user holds at most ${API_KEYS_MAX_LIVE} live API keys; revoke one first`,
    ),
  keyNotFound: () => new DomainError('API_KEY_NOT_FOUND', 'not-found', 'no such API key', 'keyId'),
  twoFactorNeedsMobile: () =>
    new DomainError(
      'TWO_FACTOR_NEEDS_MOBILE',
      'unprocessable',
      "a PIN by SMS or voice needs a mobile number in the user's contact info; add one first",
      'channel',
    ),
  deviceNameInvalid: () =>
    new DomainError(
      'MOBILE_DEVICE_NAME_INVALID',
      'unprocessable',
      `a device name has 1 to ${MOBILE_DEVICE_NAME_MAX_LENGTH} characters, not only spaces`,
      'name',
    ),
  deviceNameTaken: () =>
    new DomainError(
      'MOBILE_DEVICE_NAME_TAKEN',
      'conflict',
      'the user already has a device of that name',
      'name',
    ),
  tooManyDevices: () =>
    new DomainError(
      'MOBILE_DEVICE_LIMIT',
      'conflict',
      `a user registers at most ${MOBILE_DEVICES_MAX} mobile devices; remove one first`,
    ),
  deviceSelfOnly: () =>
    new DomainError(
      'MOBILE_DEVICE_SELF_ONLY',
      'forbidden',
      "a device is registered from the user's own app, signed in as them",
    ),
  deviceNotFound: () =>
    new DomainError('MOBILE_DEVICE_NOT_FOUND', 'not-found', 'no such mobile device', 'deviceId'),
};

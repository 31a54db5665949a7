import type { ApiKeyIssued, ApiKeyRevoked, Permission } from '@gatehouse/contracts';
import type { AccessState } from '@gatehouse/identity-domain';
import { AccessErrors, API_KEY_MAX_DAYS, API_KEY_NAME_MAX_LENGTH, API_KEYS_MAX_LIVE } from './access.errors';

const DAY_MS = 86_400_000;

/**
 * A new named key. Its id, the shown prefix and the clock are facts from the edge (the secret itself never
 * reaches the domain); `ownerPermissions` are the owner's now: a key may narrow them, never widen them.
 */
export type IssueApiKey = {
  readonly type: 'IssueApiKey';
  readonly userId: string;
  readonly keyId: string;
  readonly prefix: string;
  readonly name: string;
  readonly now: string;
  readonly expiresAt: string;
  readonly permissions: readonly Permission[] | null;
  readonly ownerPermissions: ReadonlySet<Permission>;
};

export type RevokeApiKey = { readonly type: 'RevokeApiKey'; readonly userId: string; readonly keyId: string };

/** A new secret for a key: the old key is revoked and a new one with its name and permissions issued. */
export type RotateApiKey = {
  readonly type: 'RotateApiKey';
  readonly userId: string;
  readonly keyId: string;
  readonly newKeyId: string;
  readonly prefix: string;
  readonly now: string;
  readonly expiresAt: string;
};

/** Keys counted as taken: not revoked and not yet expired (an expired key's name may be reused). */
const liveKeys = (state: AccessState, now: string) =>
  [...state.apiKeys.values()].filter((key) => Date.parse(key.expiresAt) > Date.parse(now));

function assertExpiry(now: string, expiresAt: string): void {
  const left = Date.parse(expiresAt) - Date.parse(now);
  if (!(left > 0 && left <= API_KEY_MAX_DAYS * DAY_MS)) throw AccessErrors.keyExpiryInvalid();
}

/** A key about to go live needs its name free among the live keys, and a place among them. */
function assertRoomFor(name: string, state: AccessState, now: string): void {
  const live = liveKeys(state, now);
  if (live.some((key) => key.name.toLowerCase() === name.toLowerCase())) throw AccessErrors.keyNameTaken();
  if (live.length >= API_KEYS_MAX_LIVE) throw AccessErrors.tooManyKeys();
}

export function issueApiKey(command: IssueApiKey, state: AccessState): ApiKeyIssued[] {
  const name = command.name.trim();
  if (name.length === 0 || name.length > API_KEY_NAME_MAX_LENGTH) throw AccessErrors.keyNameInvalid();
  assertExpiry(command.now, command.expiresAt);
  assertRoomFor(name, state, command.now);
  const permissions = command.permissions ? [...new Set(command.permissions)] : null;
  const notHeld = (permissions ?? []).filter((permission) => !command.ownerPermissions.has(permission));
  if (notHeld.length > 0) throw AccessErrors.keyPermissionNotHeld(notHeld);
  const { userId, keyId, prefix, now: createdAt, expiresAt } = command;
  return [
    {
      type: 'ApiKeyIssued',
      data: { userId, keyId, name, prefix, createdAt, expiresAt, permissions, replaces: null },
    },
  ];
}

export function revokeApiKey(command: RevokeApiKey, state: AccessState): ApiKeyRevoked[] {
  if (!state.apiKeys.has(command.keyId)) throw AccessErrors.keyNotFound();
  const { userId, keyId } = command;
  return [{ type: 'ApiKeyRevoked', data: { userId, keyId, reason: 'revoked' } }];
}

export function rotateApiKey(command: RotateApiKey, state: AccessState): (ApiKeyRevoked | ApiKeyIssued)[] {
  const old = state.apiKeys.get(command.keyId);
  if (!old) throw AccessErrors.keyNotFound();
  assertExpiry(command.now, command.expiresAt);
  // An expired key holds neither its name nor a place among the live keys: its successor takes them anew.
  if (Date.parse(old.expiresAt) <= Date.parse(command.now)) assertRoomFor(old.name, state, command.now);
  const { userId, keyId, newKeyId, prefix, now: createdAt, expiresAt } = command;
  return [
    { type: 'ApiKeyRevoked', data: { userId, keyId, reason: 'rotated' } },
    {
      type: 'ApiKeyIssued',
      data: {
        userId,
        keyId: newKeyId,
        name: old.name,
        prefix,
        createdAt,
        expiresAt,
        permissions: old.permissions,
        replaces: keyId,
      },
    },
  ];
}

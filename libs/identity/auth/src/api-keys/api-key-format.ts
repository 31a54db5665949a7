import { createHash, randomInt } from 'node:crypto';
import { crc32 } from 'node:zlib';

/**
 * API keys in GitHub's token form: a recognisable prefix, 30 random base62 characters (~178 bits) and a
 * 6-character base62 CRC32 of them. The prefix lets secret scanners find leaked keys; the checksum lets
 * them (and us, before any lookup) tell a real-looking key from a typo or a random string.
 */
export const API_KEY_PREFIX = 'ghk_';
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const RANDOM_LENGTH = 30;
const CHECKSUM_LENGTH = 6;
const SHAPE = new RegExp(`^${API_KEY_PREFIX}[0-9A-Za-z]{${RANDOM_LENGTH + CHECKSUM_LENGTH}}$`);
/** How much of a key is shown in lists, to tell keys apart: the prefix and 4 random characters. */
const SHOWN = API_KEY_PREFIX.length + 4;

function base62(value: number, length: number): string {
  let text = '';
  for (let rest = value; rest > 0; rest = Math.floor(rest / 62)) text = ALPHABET[rest % 62] + text;
  return text.padStart(length, '0');
}

const checksum = (random: string): string => base62(crc32(random), CHECKSUM_LENGTH);

export interface MintedApiKey {
  /** The key itself: shown to its owner once, never stored. */
  readonly key: string;
  /** What is shown in lists and stored in events. */
  readonly prefix: string;
  /** What the secret store keeps to find the key again. */
  readonly hash: string;
}

export function mintApiKey(): MintedApiKey {
  const random = Array.from({ length: RANDOM_LENGTH }, () => ALPHABET[randomInt(62)]).join('');
  const key = `${API_KEY_PREFIX}${random}${checksum(random)}`;
  return { key, prefix: key.slice(0, SHOWN), hash: apiKeyHash(key) };
}

export const looksLikeApiKey = (token: string): boolean => token.startsWith(API_KEY_PREFIX);

/** Whether a token has a key's shape and a matching checksum (no lookup needed to refuse the rest). */
export function wellFormedApiKey(token: string): boolean {
  if (!SHAPE.test(token)) return false;
  const body = token.slice(API_KEY_PREFIX.length);
  return checksum(body.slice(0, RANDOM_LENGTH)) === body.slice(RANDOM_LENGTH);
}

/**
 * SHA-256 of the whole key. The key is random and long, so a fast hash is as strong as a slow one here;
 * unlike a salted password hash it can be looked up by value, so no id needs to travel inside the key.
 */
export function apiKeyHash(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** Where the secret store keeps a key's owner, under its hash, and when it was last used. */
export const apiKeySecretName = (hash: string): string => `api-key:${hash}`;
export const apiKeyLastUsedName = (keyId: string): string => `api-key-last-used:${keyId}`;

/**
 * Index keys, computed the same way for every adapter. Keys compare as UTF-8 bytes (Redis' lexicographic
 * order), so the in-memory adapter compares them with `compareKeys`, not with `<`.
 */

/** Printable ASCII only: no marks to strip, no other whitespace or control characters. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Case- and accent-insensitive form: NFD, combining marks stripped, lower case, spaces collapsed. */
export function fold(text: string): string {
  // Most emails, usernames and many names: the same result without Unicode normalisation, which
  // dominated the cost of projecting a user in a rebuild.
  if (PRINTABLE_ASCII.test(text)) return text.toLowerCase().replace(/ +/g, ' ').trim();
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s\p{Cc}]+/gu, ' ')
    .trim();
}

/** Width of a time key: milliseconds since 1970 up to year 33658. */
const TIME_WIDTH = 15;

/** A time as a fixed-width key, so lexicographic order is time order; null (never) is all zeros. */
export function timeKey(iso: string | null | undefined): string {
  const ms = iso ? Date.parse(iso) : 0;
  if (Number.isNaN(ms) || ms < 0) throw new RangeError(`not an ISO instant after 1970: ${iso}`);
  return String(ms).padStart(TIME_WIDTH, '0');
}

/** UTF-8 byte order is code point order; JavaScript's `<` compares UTF-16 units, which differs above U+FFFF. */
export function compareKeys(left: string, right: string): number {
  let index = 0;
  for (;;) {
    const a = left.codePointAt(index);
    const b = right.codePointAt(index);
    if (a === undefined || b === undefined) return (a === undefined ? 0 : 1) - (b === undefined ? 0 : 1);
    if (a !== b) return a - b;
    index += a > 0xffff ? 2 : 1;
  }
}

/** Joins a sort key and the row id; NUL sorts before every folded character, so shorter keys go first. */
export const sortMember = (key: string, rowId: string): string => `${key}\u0000${rowId}`;

/** The row id of a sortMember (a page's position): folded keys hold no NUL, so the first one ends the key. */
export const rowIdOf = (member: string): string => member.slice(member.indexOf('\u0000') + 1);

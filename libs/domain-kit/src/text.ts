/**
 * The rule for any name a person types and others read (user names, role names): one canonical form, and
 * nothing invisible or that reorders what is shown. Pure, so every context applies the same rule.
 *
 * Refused, anywhere in the name:
 * - control characters (Cc: C0, DEL, C1) and line or paragraph separators (U+2028, U+2029);
 * - bidirectional formatting: embeddings and overrides (U+202A–U+202E), isolates (U+2066–U+2069),
 *   marks (U+200E, U+200F, U+061C), which make a name read differently from what it holds;
 * - zero-width and invisible characters: U+200B–U+200D, U+2060–U+2064, U+FEFF, U+180E, and the tag
 *   characters U+E0000–U+E007F (used to smuggle hidden text);
 * - lone surrogates (not text at all).
 * Downside: ZWNJ/ZWJ (U+200C/U+200D) are refused too, though some Persian and Indic spellings use them.
 */
export const FORBIDDEN_NAME_CHARACTERS =
  /[\p{Cc}\p{Cs}\u061C\u180E\u200B-\u200F\u2028\u2029\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u{E0000}-\u{E007F}]/u;

export type NameRule = 'blank' | 'too-long' | 'forbidden-character';

export type NameCheck =
  | { readonly ok: true; readonly value: string }
  | { readonly ok: false; readonly rule: NameRule; readonly message: string };

/** NFC-normalised and trimmed; refused when blank, longer than `maxLength` code points, or forbidden. */
export function normaliseName(raw: string, maxLength: number): NameCheck {
  const value = raw.normalize('NFC').trim();
  if (value.length === 0) return { ok: false, rule: 'blank', message: 'must not be blank' };
  const forbidden = FORBIDDEN_NAME_CHARACTERS.exec(value);
  if (forbidden) {
    const codePoint = forbidden[0].codePointAt(0) ?? 0;
    const shown = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
    return {
      ok: false,
      rule: 'forbidden-character',
      message: `must not contain control, bidirectional-override or invisible characters (${shown})`,
    };
  }
  if ([...value].length > maxLength) {
    return { ok: false, rule: 'too-long', message: `must have at most ${maxLength} characters` };
  }
  return { ok: true, value };
}

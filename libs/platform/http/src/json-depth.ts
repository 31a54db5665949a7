/**
 * The deepest nesting of arrays and objects in a JSON text, counted on the raw bytes before it is parsed:
 * a deep document costs a linear scan here instead of a stack overflow in validation later. Brackets
 * inside strings (and escaped quotes within them) do not count. Stops counting once past `limit`.
 */
export function jsonDepthExceeds(text: Uint8Array, limit: number): boolean {
  const quote = 0x22;
  const backslash = 0x5c;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const byte = text[i];
    if (inString) {
      if (byte === backslash) i++;
      else if (byte === quote) inString = false;
    } else if (byte === quote) {
      inString = true;
    } else if (byte === 0x5b || byte === 0x7b) {
      if (++depth > limit) return true;
    } else if (byte === 0x5d || byte === 0x7d) {
      depth--;
    }
  }
  return false;
}

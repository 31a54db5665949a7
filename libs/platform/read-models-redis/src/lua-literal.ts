/**
 * A JSON-shaped value as a Lua table constructor, so a script holds its declaration as a constant
 * rather than decoding JSON on every run (a run starts from its top each time). Strings are written
 * byte by byte, anything outside printable ASCII or needing an escape as a decimal escape, so any
 * text survives exactly.
 */
export function luaLiteral(value: unknown): string {
  if (typeof value === 'string') return luaString(value);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `{${value.map(luaLiteral).join(',')}}`;
  if (typeof value === 'object' && value !== null)
    return `{${Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .map(([key, item]) => `[${luaString(key)}]=${luaLiteral(item)}`)
      .join(',')}}`;
  // Lua has no null inside a table: a declaration never holds one.
  throw new TypeError(`no Lua literal for ${String(value)}`);
}

function luaString(text: string): string {
  let out = '"';
  for (const byte of Buffer.from(text, 'utf8'))
    out +=
      byte >= 0x20 && byte < 0x7f && byte !== 0x22 && byte !== 0x5c ? String.fromCharCode(byte) : `\\${byte}`;
  return `${out}"`;
}

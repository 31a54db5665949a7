import { stringify } from 'csv-stringify/sync';
import type { CsvCell, ReadModelDeclaration } from './read-model.declaration';
import type { Row } from './row-query';

/**
 * RFC 4180 through the CSV library: CRLF records, a field quoted when it holds a comma, a quote or a line
 * break (by default the library quotes a lone CR or LF only as part of CRLF).
 */
const rfc4180 = { record_delimiter: 'windows', quoted_match: /[\r\n]/ } as const;

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, or a tab or carriage return that some strip
 * before looking) gets a leading apostrophe, as OWASP advises: shown as text, never evaluated.
 */
export function neutralised(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const textOf = (value: unknown): string =>
  typeof value === 'string' ? value : Array.isArray(value) ? value.join('; ') : '';

export function csvCellText(cell: CsvCell, row: Readonly<Record<string, unknown>>): string {
  const set = cell.whenSet ? row[cell.whenSet.column] : undefined;
  if (cell.whenSet && set !== null && set !== undefined) return cell.whenSet.text;
  const text = cell.columns.map((column) => textOf(row[column])).join(' ');
  return cell.columns.length > 1 ? text.replace(/^[\t\n\v\f\r ]+|[\t\n\v\f\r ]+$/g, '') : text;
}

/** The header line of the model's CSV, CRLF-terminated, with a byte order mark when asked. */
export function csvHeader(declaration: ReadModelDeclaration, bom = false): string {
  return stringify([(declaration.csv ?? []).map((cell) => cell.header)], { ...rfc4180, bom });
}

/**
 * A row's CSV line, CRLF-terminated, its cells neutralised. The reference the Redis adapter's Lua renders
 * the same from (read-models-redis/src/row-entries.lua.ts); the contract suite holds the two together.
 */
export function csvLine(declaration: ReadModelDeclaration, row: Row): string {
  return stringify([(declaration.csv ?? []).map((cell) => neutralised(csvCellText(cell, row)))], rfc4180);
}

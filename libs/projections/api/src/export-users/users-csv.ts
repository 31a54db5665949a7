import { stringify } from 'csv-stringify/sync';
import type { ExportedUser } from '../users-query/users-list.reader';

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, or a tab or carriage return that some strip
 * before looking) gets a leading apostrophe, as OWASP advises: shown as text, never evaluated.
 */
export function neutralised(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** The users list's columns, as the product page shows them; a pending deletion shows as the status. */
export const csvColumns: readonly {
  readonly header: string;
  readonly value: (user: ExportedUser) => string;
}[] = [
  { header: 'Name', value: (user) => `${user.firstName} ${user.lastName}`.trim() },
  { header: 'Email', value: (user) => user.email },
  { header: 'Username', value: (user) => user.username },
  { header: 'Roles', value: (user) => user.roles?.join('; ') ?? '' },
  { header: 'Last login', value: (user) => user.lastLoginAt ?? '' },
  { header: 'Status', value: (user) => (user.deletionRequestedAt ? 'deletion-requested' : user.status) },
];

export const csvRecord = (user: ExportedUser): string[] =>
  csvColumns.map((column) => neutralised(column.value(user)));

/** RFC 4180: CRLF records, fields quoted when they hold a comma, quote or line break. */
const rfc4180 = { record_delimiter: 'windows' } as const;

/**
 * The CSV text of batches of users, UTF-8 with an optional BOM: the header first (so the first bytes go
 * out before any row is read), then one chunk per batch. A batch is stringified in one synchronous call:
 * the streaming stringifier's per-record stream overhead halved the export's rate.
 */
export async function* usersCsv(
  batches: AsyncIterable<readonly ExportedUser[]>,
  options: { readonly bom: boolean },
): AsyncGenerator<string> {
  yield stringify([csvColumns.map((column) => column.header)], { ...rfc4180, bom: options.bom });
  for await (const batch of batches) yield stringify(batch.map(csvRecord), rfc4180);
}

import { stringify, type Stringifier } from 'csv-stringify';
import type { UserListItem } from '../users-query/users-list.reader';

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
  readonly value: (user: UserListItem) => string;
}[] = [
  { header: 'Name', value: (user) => user.name },
  { header: 'Email', value: (user) => user.email },
  { header: 'Username', value: (user) => user.username },
  { header: 'Roles', value: (user) => user.roles.join('; ') },
  { header: 'Last login', value: (user) => user.lastLoginAt ?? '' },
  { header: 'Status', value: (user) => (user.deletionRequestedAt ? 'deletion-requested' : user.status) },
];

export const csvRecord = (user: UserListItem): string[] =>
  csvColumns.map((column) => neutralised(column.value(user)));

/** RFC 4180: CRLF records, fields quoted when they hold a comma, quote or line break; UTF-8, optional BOM. */
export function usersCsv(options: { readonly bom: boolean }): Stringifier {
  return stringify({
    bom: options.bom,
    header: true,
    columns: csvColumns.map((column) => column.header),
    record_delimiter: 'windows',
  });
}

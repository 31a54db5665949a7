import type { ReadModelDeclaration, Row } from '@gatehouse/read-model-kit';
import type { UserRow } from './user-row';

/**
 * The users list's indexes, declared beside its reducers: filters on status, roles, language and a
 * pending deletion; sorts by name, username, email, last login and creation; prefix search on the full
 * name (so on the last name too, as a word of it), the username and the email; the export's CSV line.
 */
export const usersListDeclaration: ReadModelDeclaration = {
  name: 'users-list',
  listedBy: 'createdAt',
  columns: {
    firstName: 'text',
    lastName: 'text',
    username: 'text',
    email: 'text',
    lastLoginAt: 'time',
    createdAt: 'time',
  },
  sets: {
    status: { column: 'status', kind: 'value' },
    role: { column: 'roles', kind: 'each' },
    language: { column: 'language', kind: 'value' },
    deletionRequested: { column: 'deletionRequestedAt', kind: 'present' },
  },
  sorts: {
    name: ['firstName', 'lastName'],
    username: ['username'],
    email: ['email'],
    lastLogin: ['lastLoginAt'],
    created: ['createdAt'],
  },
  defaultSort: 'created',
  // The list's display name; with `roles` ([] until a toggle), a row reads as the API's list item.
  joined: { name: ['firstName', 'lastName'] },
  search: [['firstName', 'lastName'], ['username'], ['email']],
  // The product page's columns; a pending deletion shows as the status.
  csv: [
    { header: 'Name', columns: ['firstName', 'lastName'] },
    { header: 'Email', columns: ['email'] },
    { header: 'Username', columns: ['username'] },
    { header: 'Roles', columns: ['roles'] },
    { header: 'Last login', columns: ['lastLoginAt'] },
    {
      header: 'Status',
      columns: ['status'],
      whenSet: { column: 'deletionRequestedAt', text: 'deletion-requested' },
    },
  ],
};

/** A row as read: every UserCreated sets all columns, and a read gives `roles` and `name` (readFields). */
export const toUserRow = (row: Row): UserRow => row as unknown as UserRow;

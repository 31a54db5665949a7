import type { StoredEvent } from '@gatehouse/contracts';
import type { ReadModelDeclaration, RowWrite } from '@gatehouse/read-model-kit';

/**
 * The read model the store contract suites declare for themselves (a shared test kit may not reach into
 * a context's projection): people with the users list's kinds of index, fed from the users-list fixtures'
 * events by a small projection of its own.
 */
export const peopleDeclaration: ReadModelDeclaration = {
  name: 'people',
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
  search: [['firstName', 'lastName'], ['username'], ['email']],
};

type Data = Readonly<Record<string, unknown>> & { readonly userId: string };

const columnsOf: Readonly<Record<string, (data: Data, at: string) => Record<string, unknown>>> = {
  UserCreated: ({ userId: _, ...profile }, at) => ({
    ...profile,
    status: 'active',
    createdAt: at,
    ...{ lastLoginAt: null, lastLoginIp: null, lastLoginChannel: null, deletionRequestedAt: null },
  }),
  UserLoginSucceeded: (data, at) => ({
    lastLoginAt: at,
    lastLoginIp: data['ip'],
    lastLoginChannel: data['channel'],
  }),
  UserDisabled: () => ({ status: 'disabled' }),
  UserLocked: () => ({ status: 'locked' }),
  UserDeletionRequested: (_, at) => ({ deletionRequestedAt: at }),
  UserDetailsUpdated: (data) =>
    Object.fromEntries(
      Object.entries(data['changes'] as Record<string, { to: unknown }>).map(([column, change]) => [
        column,
        change.to,
      ]),
    ),
};

export function peopleWrites(event: StoredEvent): RowWrite[] {
  const data = event.data as Data;
  const head = { accountId: event.accountId, rowId: data.userId };
  const source = { streamId: event.streamId, streamPosition: event.streamPosition };
  if (event.type === 'RoleToggled')
    return [
      {
        ...head,
        kind: 'toggle',
        column: 'roles',
        item: String(data['roleId']),
        present: data['enabled'] === true,
        source,
      },
    ];
  const columns = columnsOf[event.type];
  return columns ? [{ ...head, kind: 'upsert', columns: columns(data, event.occurredAt), source }] : [];
}

import type {
  DomainEvent,
  RoleToggled,
  StoredEvent,
  UserContactInfoChanged,
  UserCreated,
  UserDeletionRequested,
  UserDeletionRequestWithdrawn,
  UserDetailsUpdated,
  UserDisabled,
  UserEnabled,
  UserLocked,
  UserLoginSucceeded,
  UserUnlocked,
} from '@gatehouse/contracts';
import type { Projection, RowWrite, WriteSource } from '@gatehouse/read-model-kit';
import type { UserFields } from './user-row';
import { usersListDeclaration } from './users-list.declaration';

/**
 * The users list as data plus a pure function: each handled event maps to the writes it causes,
 * so it is testable without a database and every adapter applies the same writes.
 *
 * Rule for reducers: at most one write per row per event. Adapters dedupe by (row, stream, position),
 * so a second write to the same row from the same event would be skipped as already applied.
 */
type Handled =
  | UserCreated
  | UserDetailsUpdated
  | UserContactInfoChanged
  | UserLoginSucceeded
  | UserDisabled
  | UserEnabled
  | UserLocked
  | UserUnlocked
  | UserDeletionRequested
  | UserDeletionRequestWithdrawn
  | RoleToggled;
type Stored<E extends DomainEvent> = StoredEvent<E['type'], E['data']>;
type Reducer<E extends DomainEvent> = (event: Stored<E>) => RowWrite[];
type Reducers = { readonly [T in Handled['type']]: Reducer<Extract<Handled, { type: T }>> };

const sourceOf = (event: StoredEvent): WriteSource => ({
  streamId: event.streamId,
  streamPosition: event.streamPosition,
});

/** Sets columns of the row of the user an event is about. */
const upsert = (
  event: StoredEvent<string, { readonly userId: string }>,
  fields: Partial<UserFields>,
): RowWrite[] => [
  {
    kind: 'upsert',
    accountId: event.accountId,
    rowId: event.data.userId,
    columns: fields,
    source: sourceOf(event),
  },
];

/** The new values of an edit event's changes. */
const newValues = (
  changes: Readonly<Record<string, { readonly to: unknown } | undefined>>,
): Partial<UserFields> =>
  Object.fromEntries(
    Object.entries(changes).flatMap(([field, change]) => (change ? [[field, change.to]] : [])),
  );

const reducers: Reducers = {
  UserCreated: (event) => {
    const { firstName, lastName, email, username, mobile, language, timeZone } = event.data;
    return upsert(event, {
      firstName,
      lastName,
      email,
      username,
      mobile,
      language,
      timeZone,
      status: 'active',
      createdAt: event.occurredAt,
      lastLoginAt: null,
      lastLoginIp: null,
      lastLoginChannel: null,
      deletionRequestedAt: null,
    });
  },
  UserDetailsUpdated: (event) => upsert(event, newValues(event.data.changes)),
  UserContactInfoChanged: (event) => upsert(event, newValues(event.data.changes)),
  UserLoginSucceeded: (event) =>
    upsert(event, {
      lastLoginAt: event.occurredAt,
      lastLoginIp: event.data.ip,
      lastLoginChannel: event.data.channel,
    }),
  UserDisabled: (event) => upsert(event, { status: 'disabled' }),
  UserEnabled: (event) => upsert(event, { status: event.data.status }),
  UserLocked: (event) => upsert(event, { status: 'locked' }),
  UserUnlocked: (event) => upsert(event, { status: 'active' }),
  UserDeletionRequested: (event) => upsert(event, { deletionRequestedAt: event.occurredAt }),
  UserDeletionRequestWithdrawn: (event) => upsert(event, { deletionRequestedAt: null }),
  RoleToggled: (event) => [
    {
      kind: 'toggle',
      accountId: event.accountId,
      rowId: event.data.userId,
      column: 'roles',
      item: event.data.roleId,
      present: event.data.enabled,
      source: sourceOf(event),
    },
  ],
};

function isHandled(type: string): type is Handled['type'] {
  return Object.hasOwn(reducers, type);
}

export const usersListProjection: Projection<StoredEvent> = {
  declaration: usersListDeclaration,
  handles: Object.keys(reducers),
  project: (event) => {
    if (!isHandled(event.type)) return [];
    // The type tag is the contract: an event named UserCreated carries UserCreated's data.
    const reduce = reducers[event.type] as (event: StoredEvent) => RowWrite[];
    return reduce(event);
  },
};

import type {
  DomainEvent,
  RoleToggled,
  StoredEvent,
  UserCreated,
  UserLoginSucceeded,
} from '@gatehouse/contracts';
import type { UsersListWrite, WriteSource } from './users-list.writes';

/**
 * The users list as data plus a pure function: each handled event maps to the writes it causes,
 * so it is testable without a database and every adapter applies the same writes.
 *
 * Rule for reducers: at most one write per row per event. Adapters dedupe by (row, stream, position),
 * so a second write to the same row from the same event would be skipped as already applied.
 */
type Handled = UserCreated | UserLoginSucceeded | RoleToggled;
type Stored<E extends DomainEvent> = StoredEvent<E['type'], E['data']>;
type Reducer<E extends DomainEvent> = (event: Stored<E>) => UsersListWrite[];
type Reducers = { readonly [T in Handled['type']]: Reducer<Extract<Handled, { type: T }>> };

export interface Projection<Write> {
  readonly name: string;
  readonly handles: readonly string[];
  readonly project: (event: StoredEvent) => Write[];
}

const sourceOf = (event: StoredEvent): WriteSource => ({
  streamId: event.streamId,
  streamPosition: event.streamPosition,
});

const reducers: Reducers = {
  UserCreated: (event) => {
    const { userId, ...profile } = event.data;
    const fields = { ...profile, status: 'active', createdAt: event.occurredAt } as const;
    const neverLoggedIn = { lastLoginAt: null, lastLoginIp: null, lastLoginChannel: null };
    return [
      {
        kind: 'upsert-user',
        accountId: event.accountId,
        userId,
        fields: { ...fields, ...neverLoggedIn },
        source: sourceOf(event),
      },
    ];
  },
  UserLoginSucceeded: (event) => [
    {
      kind: 'upsert-user',
      accountId: event.accountId,
      userId: event.data.userId,
      fields: {
        lastLoginAt: event.occurredAt,
        lastLoginIp: event.data.ip,
        lastLoginChannel: event.data.channel,
      },
      source: sourceOf(event),
    },
  ],
  RoleToggled: (event) => [
    {
      kind: 'toggle-role',
      accountId: event.accountId,
      userId: event.data.userId,
      roleId: event.data.roleId,
      enabled: event.data.enabled,
      source: sourceOf(event),
    },
  ],
};

function isHandled(type: string): type is Handled['type'] {
  return Object.hasOwn(reducers, type);
}

export const usersListProjection: Projection<UsersListWrite> = {
  name: 'users-list',
  handles: Object.keys(reducers),
  project: (event) => {
    if (!isHandled(event.type)) return [];
    // The type tag is the contract: an event named UserCreated carries UserCreated's data.
    const reduce = reducers[event.type] as (event: StoredEvent) => UsersListWrite[];
    return reduce(event);
  },
};

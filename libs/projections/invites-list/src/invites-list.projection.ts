import type {
  DomainEvent,
  InviteAccepted,
  InviteResent,
  InviteRevoked,
  StoredEvent,
  UserInvited,
} from '@gatehouse/contracts';
import type { Projection, RowWrite } from '@gatehouse/read-model-kit';
import type { InviteFields } from './invite-row';
import { invitesListDeclaration } from './invites-list.declaration';

/**
 * The invites list as data plus a pure function: each invite event maps to one write to its invite's row
 * (at most one per event, as the adapters dedupe by row, stream and position).
 */
type Handled = UserInvited | InviteResent | InviteRevoked | InviteAccepted;
type Stored<E extends DomainEvent> = StoredEvent<E['type'], E['data']>;
type Reducers = {
  readonly [T in Handled['type']]: (event: Stored<Extract<Handled, { type: T }>>) => Partial<InviteFields>;
};

const reducers: Reducers = {
  UserInvited: (event) => {
    const { invitee, roles, invitedBy, expiresAt } = event.data;
    return {
      email: invitee.email,
      firstName: invitee.firstName,
      lastName: invitee.lastName,
      roles,
      invitedBy,
      invitedAt: event.occurredAt,
      lastSentAt: event.occurredAt,
      expiresAt,
      status: 'pending',
      userId: null,
    };
  },
  InviteResent: (event) => ({ lastSentAt: event.occurredAt, expiresAt: event.data.expiresAt }),
  InviteRevoked: () => ({ status: 'revoked' }),
  InviteAccepted: (event) => ({ status: 'accepted', userId: event.data.userId }),
};

function isHandled(type: string): type is Handled['type'] {
  return Object.hasOwn(reducers, type);
}

export const invitesListProjection: Projection<StoredEvent> = {
  declaration: invitesListDeclaration,
  handles: Object.keys(reducers),
  project: (event): RowWrite[] => {
    if (!isHandled(event.type)) return [];
    // The type tag is the contract: an event named UserInvited carries UserInvited's data.
    const reduce = reducers[event.type] as (event: StoredEvent) => Partial<InviteFields>;
    const { inviteId } = event.data as { readonly inviteId: string };
    return [
      {
        kind: 'upsert',
        accountId: event.accountId,
        rowId: inviteId,
        columns: reduce(event),
        source: { streamId: event.streamId, streamPosition: event.streamPosition },
      },
    ];
  },
};

import type { InitialAccessControls, InviteEvent, Invitee } from '@gatehouse/contracts';
import { assertNever, type Decider } from '@gatehouse/domain-kit';
import { initialAccessControls } from '@gatehouse/identity-domain';
import { isPast } from './invite-expiry';
import { InviteErrors } from './invites.errors';

/**
 * One invite, in `invite-<inviteId>`: sent, resent (a new link, the old one dead), revoked or accepted.
 * Facts needing I/O arrive in the command: the account's known roles, a new send id, the deadline, `now`.
 */
export interface InviteFacts {
  readonly inviteId: string;
  readonly accountId: string;
  readonly invitee: Invitee;
  readonly roles: readonly string[];
  readonly accessControls: InitialAccessControls | null;
  readonly invitedBy: string;
}

export type InviteState =
  | { readonly status: 'none' }
  | (InviteFacts & {
      readonly status: 'pending' | 'revoked';
      readonly sendId: string;
      readonly expiresAt: string;
    })
  | (InviteFacts & { readonly status: 'accepted'; readonly userId: string });

export type InviteUser = InviteFacts & {
  readonly type: 'InviteUser';
  readonly knownRoles: ReadonlySet<string>;
  readonly sendId: string;
  readonly expiresAt: string;
};
export type ResendInvite = {
  readonly type: 'ResendInvite';
  readonly accountId: string;
  readonly sendId: string;
  readonly expiresAt: string;
};
export type RevokeInvite = { readonly type: 'RevokeInvite'; readonly accountId: string };
/** The invitee's link: `sendId` is the send its token was issued for. */
export type AcceptInvite = {
  readonly type: 'AcceptInvite';
  readonly sendId: string;
  readonly userId: string;
  readonly now: Date;
};
/**
 * The users context created the invitee's user (keyed by this invite): the acceptance is a fact to record,
 * whatever happened to the invite since its link was checked.
 */
export type RecordAcceptance = { readonly type: 'RecordAcceptance'; readonly userId: string };

export type InviteCommand = InviteUser | ResendInvite | RevokeInvite | AcceptInvite | RecordAcceptance;

function invite(command: InviteUser, state: InviteState): InviteEvent[] {
  if (state.status !== 'none') throw InviteErrors.alreadyExists();
  const roles = [...new Set(command.roles)];
  const unknown = roles.filter((roleId) => !command.knownRoles.has(roleId));
  if (unknown.length > 0) throw InviteErrors.unknownRoles(unknown);
  const { inviteId, accountId, invitee, invitedBy, sendId, expiresAt } = command;
  const accessControls = command.accessControls && initialAccessControls(command.accessControls);
  const data = { inviteId, accountId, invitee, roles, accessControls, invitedBy, sendId, expiresAt };
  return [{ type: 'UserInvited', data }];
}

/** Resend and revoke act on an invite of the caller's account only; another's does not exist for them. */
function existing(state: InviteState, accountId: string): Exclude<InviteState, { status: 'none' }> {
  if (state.status === 'none' || state.accountId !== accountId) throw InviteErrors.notFound();
  return state;
}

function resend(command: ResendInvite, state: InviteState): InviteEvent[] {
  const current = existing(state, command.accountId);
  if (current.status === 'accepted') throw InviteErrors.alreadyAccepted();
  if (current.status === 'revoked') throw InviteErrors.revoked();
  const { sendId, expiresAt } = command;
  return [{ type: 'InviteResent', data: { inviteId: current.inviteId, sendId, expiresAt } }];
}

function revoke(command: RevokeInvite, state: InviteState): InviteEvent[] {
  const current = existing(state, command.accountId);
  if (current.status === 'accepted') throw InviteErrors.alreadyAccepted();
  if (current.status === 'revoked') return [];
  return [{ type: 'InviteRevoked', data: { inviteId: current.inviteId } }];
}

function accept(command: AcceptInvite, state: InviteState): InviteEvent[] {
  const usable =
    state.status === 'pending' && state.sendId === command.sendId && !isPast(state.expiresAt, command.now);
  if (!usable) throw InviteErrors.tokenInvalid();
  return record({ type: 'RecordAcceptance', userId: command.userId }, state);
}

function record(command: RecordAcceptance, state: InviteState): InviteEvent[] {
  if (state.status === 'none') throw InviteErrors.notFound();
  if (state.status === 'accepted') return [];
  const { inviteId, roles, accessControls } = state;
  return [{ type: 'InviteAccepted', data: { inviteId, userId: command.userId, roles, accessControls } }];
}

function evolve(state: InviteState, event: InviteEvent): InviteState {
  switch (event.type) {
    case 'UserInvited': {
      const { inviteId, accountId, invitee, roles, accessControls, invitedBy, sendId, expiresAt } =
        event.data;
      const facts = { inviteId, accountId, invitee, roles, accessControls, invitedBy };
      return { status: 'pending', ...facts, sendId, expiresAt };
    }
    case 'InviteResent':
      return state.status === 'pending' ? { ...state, ...event.data, inviteId: state.inviteId } : state;
    case 'InviteRevoked':
      return state.status === 'pending' ? { ...state, status: 'revoked' } : state;
    case 'InviteAccepted': {
      if (state.status === 'none') return state;
      const { inviteId, accountId, invitee, roles, accessControls, invitedBy } = state;
      const facts = { inviteId, accountId, invitee, roles, accessControls, invitedBy };
      return { status: 'accepted', ...facts, userId: event.data.userId };
    }
    default:
      return assertNever(event);
  }
}

export const inviteDecider: Decider<InviteCommand, InviteState, InviteEvent> = {
  decide: (command, state) => {
    switch (command.type) {
      case 'InviteUser':
        return invite(command, state);
      case 'ResendInvite':
        return resend(command, state);
      case 'RevokeInvite':
        return revoke(command, state);
      case 'AcceptInvite':
        return accept(command, state);
      case 'RecordAcceptance':
        return record(command, state);
      default:
        return assertNever(command);
    }
  },
  evolve,
  initialState: () => ({ status: 'none' }),
};

/** What a caller sees of an invite: expired is a pending invite past its deadline. */
export type InviteStatus = 'pending' | 'accepted' | 'revoked' | 'expired';

export function statusOf(state: Exclude<InviteState, { status: 'none' }>, now: Date): InviteStatus {
  if (state.status === 'pending' && isPast(state.expiresAt, now)) return 'expired';
  return state.status;
}

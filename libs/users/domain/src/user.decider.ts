import type { UserEvent } from '@gatehouse/contracts';
import { assertNever, type Decider } from '@gatehouse/domain-kit';
import { initialAccessControls } from '@gatehouse/identity-domain';
import type { ChangePassword, DisableUser, UserCommand } from './user.commands';
import { decideContactInfo, decideDetails } from './user.details';
import {
  decideLoginAttempt,
  decidePasswordReset,
  decideSendPasswordReset,
  decideUnlock,
} from './user.lockout';
import { assertPasswordPolicy } from './user.password-policy';
import { type ExistingUser, evolveUser, initialUserState, type UserState } from './user.state';
import { UserErrors } from './user.errors';
import { validProfile } from './user.profile';

export function decideUser(command: UserCommand, state: UserState): UserEvent[] {
  if (command.type === 'CreateUser') {
    if (state.status !== 'none') throw UserErrors.alreadyExists();
    const { userId, accountId, profile, knownRoles } = command;
    const roles = [...new Set(command.roles)];
    const unknown = roles.filter((roleId) => !knownRoles.has(roleId));
    if (unknown.length > 0) throw UserErrors.unknownRoles(unknown);
    const invite = command.invite ? { invite: command.invite } : {};
    const access = command.accessControls && {
      accessControls: initialAccessControls(command.accessControls),
    };
    // One event, so a new user's version stays 0 whether or not a link goes out.
    const link = command.firstPassword && !command.invite ? { firstPassword: command.firstPassword } : {};
    return [
      {
        type: 'UserCreated',
        data: { userId, accountId, ...validProfile(profile), roles, ...invite, ...access, ...link },
      },
    ];
  }
  if (state.status === 'none') throw UserErrors.notFound();
  // A user of another account does not exist for a caller addressing this one.
  if ('accountId' in command && command.accountId !== state.accountId) throw UserErrors.notFound();
  const { userId } = state;
  switch (command.type) {
    case 'UpdateUserDetails':
      return decideDetails(command, state);
    case 'ChangeContactInfo':
      return decideContactInfo(command, state);
    case 'ChangePassword':
      return decidePasswordChange(command, state);
    case 'DisableUser':
      return decideDisable(command, state);
    case 'EnableUser': {
      if (!state.disabled) throw UserErrors.notDisabled();
      return [{ type: 'UserEnabled', data: { userId, status: state.locked ? 'locked' : 'active' } }];
    }
    case 'RequestDeletion':
      if (command.selfAsAccountAdmin) throw UserErrors.adminCannotRequestOwnDeletion();
      if (state.deletionRequested) throw UserErrors.deletionAlreadyRequested();
      return [{ type: 'UserDeletionRequested', data: { userId } }];
    case 'WithdrawDeletionRequest':
      if (!state.deletionRequested) throw UserErrors.deletionNotRequested();
      return [{ type: 'UserDeletionRequestWithdrawn', data: { userId } }];
    case 'RecordLoginAttempt':
      return decideLoginAttempt(command, state);
    case 'EndSession':
      if (!state.sessions.has(command.sessionId)) throw UserErrors.sessionNotFound();
      return [
        { type: 'UserSessionEnded', data: { userId, sessionId: command.sessionId, reason: command.reason } },
      ];
    case 'UnlockUser':
      return decideUnlock(command, state);
    case 'SendPasswordReset':
      return decideSendPasswordReset(command, state);
    case 'CompletePasswordReset':
      return decidePasswordReset(command, state);
    default:
      return assertNever(command);
  }
}

function decidePasswordChange(command: ChangePassword, user: ExistingUser): UserEvent[] {
  if (command.actorId !== user.userId) throw UserErrors.passwordChangeSelfOnly();
  if (!command.currentPasswordMatches) throw UserErrors.currentPasswordWrong();
  assertPasswordPolicy(command.newPassword, command.policy);
  return [{ type: 'UserPasswordChanged', data: { userId: user.userId, keptSessionId: command.sessionId } }];
}

function decideDisable(command: DisableUser, user: ExistingUser): UserEvent[] {
  if (command.actorId === user.userId) throw UserErrors.cannotDisableSelf();
  if (user.disabled) throw UserErrors.alreadyDisabled();
  return [{ type: 'UserDisabled', data: { userId: user.userId } }];
}

export const userDecider: Decider<UserCommand, UserState, UserEvent> = {
  decide: decideUser,
  evolve: evolveUser,
  initialState: initialUserState,
  snapshot: 'user-decider.1',
};

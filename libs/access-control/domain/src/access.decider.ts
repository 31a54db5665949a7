import {
  type AccessEvent,
  type ApiAccessChanged,
  type ApiProtocol,
  ApiProtocols,
} from '@gatehouse/contracts';
import { assertNever, type Decider } from '@gatehouse/domain-kit';
import { type AccessState, accessView } from '@gatehouse/identity-domain';
import {
  type IssueApiKey,
  issueApiKey,
  type RevokeApiKey,
  revokeApiKey,
  type RotateApiKey,
  rotateApiKey,
} from './api-keys.rules';
import {
  type AddCurrentIp,
  addCurrentIp,
  type SetIpSafelist,
  setInvitedSafelist,
  setIpSafelist,
} from './ip-safelist.rules';
import {
  type RegisterMobileDevice,
  registerMobileDevice,
  type RemoveMobileDevice,
  removeMobileDevice,
  type SelectTwoFactorChannel,
  selectTwoFactorChannel,
} from './sign-in-settings.rules';

/** Basic authentication allowed or not per protocol; protocols not named keep their setting. */
export type SetApiAccess = {
  readonly type: 'SetApiAccess';
  readonly userId: string;
  readonly protocols: Partial<Record<ApiProtocol, boolean>>;
};

/**
 * The access controls an invite carried, applied once to the user the invitee became: the safelist as
 * given, basic auth allowed for the protocols named and refused for the others (names this context does
 * not know are passed over). The actor is the invite.
 */
export type ApplyInvitedAccess = {
  readonly type: 'ApplyInvitedAccess';
  readonly userId: string;
  readonly actorId: string;
  readonly ipSafelist: readonly string[];
  readonly apiAccess: readonly string[];
};

export type AccessCommand =
  | ApplyInvitedAccess
  | SetIpSafelist
  | AddCurrentIp
  | SetApiAccess
  | IssueApiKey
  | RevokeApiKey
  | RotateApiKey
  | SelectTwoFactorChannel
  | RegisterMobileDevice
  | RemoveMobileDevice;

function setApiAccess(command: SetApiAccess, state: AccessState): ApiAccessChanged[] {
  return (Object.entries(command.protocols) as [ApiProtocol, boolean][])
    .filter(([protocol, allowed]) => state.apiAccess[protocol] !== allowed)
    .map(([protocol, allowed]) => ({
      type: 'ApiAccessChanged',
      data: { userId: command.userId, protocol, allowed },
    }));
}

function applyInvitedAccess(command: ApplyInvitedAccess, state: AccessState): AccessEvent[] {
  const { userId, actorId, ipSafelist, apiAccess } = command;
  const protocols = Object.fromEntries(
    ApiProtocols.map((protocol) => [protocol, apiAccess.includes(protocol)]),
  );
  return [
    ...setInvitedSafelist({ userId, actorId, entries: ipSafelist }, state),
    ...setApiAccess({ type: 'SetApiAccess', userId, protocols }, state),
  ];
}

/**
 * One user's access controls, in `access-<userId>`: the IP safelist, basic-auth access per protocol, API
 * keys, the preferred 2FA channel and the mobile devices. Who may ask (Account admin, or the user for their own keys) is judged at the edge; the rules
 * on the data, and the self-lockout guard, are here. Its state is the identity lib's access view, the
 * one every service enforces.
 */
export const accessDecider: Decider<AccessCommand, AccessState, AccessEvent> = {
  decide: (command, state) => {
    switch (command.type) {
      case 'ApplyInvitedAccess':
        return applyInvitedAccess(command, state);
      case 'SetIpSafelist':
        return setIpSafelist(command, state);
      case 'AddCurrentIp':
        return addCurrentIp(command, state);
      case 'SetApiAccess':
        return setApiAccess(command, state);
      case 'IssueApiKey':
        return issueApiKey(command, state);
      case 'RevokeApiKey':
        return revokeApiKey(command, state);
      case 'RotateApiKey':
        return rotateApiKey(command, state);
      case 'SelectTwoFactorChannel':
        return selectTwoFactorChannel(command, state);
      case 'RegisterMobileDevice':
        return registerMobileDevice(command, state);
      case 'RemoveMobileDevice':
        return removeMobileDevice(command, state);
      default:
        return assertNever(command);
    }
  },
  ...accessView,
};

import type {
  AccessEvent,
  ApiProtocol,
  IpSafelistEntry,
  RoleToggled,
  StoredEvent,
} from '@gatehouse/contracts';
import { fold } from '@gatehouse/domain-kit';
import {
  accessView,
  type ApiKeyState,
  type MobileDeviceState,
  roleAssignmentsView,
} from '@gatehouse/identity-domain';
import type { TwoFactorChannel } from '@gatehouse/contracts';
import { userRecordView, userView, type UserView } from '../get-user/user.view';

/** A user as they stood at a moment: their record, roles and access controls, folded from the store. */
export interface UserStateView {
  readonly at: string;
  readonly user: UserView;
  readonly accessControls: {
    readonly ipSafelist: readonly IpSafelistEntry[];
    readonly apiAccess: Readonly<Record<ApiProtocol, boolean>>;
    readonly twoFactorChannel: TwoFactorChannel | null;
    readonly mobileDevices: readonly MobileDeviceState[];
    /** Issued and not revoked by then (each with its expiry, which may have passed). */
    readonly apiKeys: readonly ApiKeyState[];
  };
}

/** The user's three streams (user, role assignments, access), each in its order. */
export interface UserStreams {
  readonly user: readonly StoredEvent[];
  readonly roles: readonly StoredEvent[];
  readonly access: readonly StoredEvent[];
}

/** Null when the user did not exist yet at `at` (an instant as toISOString writes it). */
export function userStateAt(streams: UserStreams, at: string): UserStateView | null {
  const by = (events: readonly StoredEvent[]) => events.filter((event) => event.occurredAt <= at);
  const record = fold(userRecordView.evolve, userRecordView.initialState(), by(streams.user));
  const { roles } = fold(
    roleAssignmentsView.evolve,
    roleAssignmentsView.initialState(),
    by(streams.roles) as unknown as RoleToggled[],
  );
  const access = fold(
    accessView.evolve,
    accessView.initialState(),
    by(streams.access) as unknown as AccessEvent[],
  );
  const user = userView(record, roles);
  if (!user) return null;
  return {
    at,
    user,
    accessControls: {
      ipSafelist: access.safelist,
      apiAccess: access.apiAccess,
      twoFactorChannel: access.twoFactorChannel,
      mobileDevices: [...access.mobileDevices.values()],
      apiKeys: [...access.apiKeys.values()],
    },
  };
}

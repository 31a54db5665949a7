import {
  type AccountAdminAdded,
  BuiltInRoles,
  type RoleDefined,
  type RolesEvent,
  type RoleToggled,
  accountAdminsStreamId,
  roleAssignmentsStreamId,
  roleCatalogStreamId,
} from '@gatehouse/contracts';

/** Before 2026-12: an account's catalog and every assignment in one stream, `roles-<accountId>`. */
export const isLegacyRolesStream = (streamId: string): boolean => streamId.startsWith('roles-');

export interface LegacyRolesEvent {
  readonly eventId: string;
  readonly accountId: string;
  readonly event: RolesEvent;
}

/** One new stream's events; `sourceIds` name the legacy events each stands for, to derive stable ids. */
export interface MigratedStream {
  readonly streamId: string;
  readonly events: readonly { readonly event: RolesEvent; readonly sourceId: string }[];
}

/**
 * The new layout of a legacy roles stream: its custom roles in order, each user's roles as held at the
 * end, and the admins among them. The legacy stream stays as history; only the outcome moves.
 */
export function migrateLegacyRoles(accountId: string, legacy: readonly LegacyRolesEvent[]): MigratedStream[] {
  const defined: MigratedStream['events'][number][] = [];
  const held = new Map<string, Map<string, string>>();
  for (const { eventId, event } of legacy) {
    if (event.type === 'RoleDefined') defined.push({ event, sourceId: eventId });
    if (event.type !== 'RoleToggled') continue;
    const roles = held.get(event.data.userId) ?? new Map<string, string>();
    if (event.data.enabled) roles.set(event.data.roleId, eventId);
    else roles.delete(event.data.roleId);
    held.set(event.data.userId, roles);
  }
  const toggled = (userId: string, roleId: string): RoleToggled => ({
    type: 'RoleToggled',
    data: { userId, roleId, enabled: true },
  });
  const admins = [...held].flatMap(([userId, roles]) => {
    const sourceId = roles.get(BuiltInRoles.accountAdmin);
    const event: AccountAdminAdded = { type: 'AccountAdminAdded', data: { userId } };
    return sourceId ? [{ event, sourceId }] : [];
  });
  return [
    {
      streamId: roleCatalogStreamId(accountId),
      events: defined as { event: RoleDefined; sourceId: string }[],
    },
    { streamId: accountAdminsStreamId(accountId), events: admins },
    ...[...held].map(([userId, roles]) => ({
      streamId: roleAssignmentsStreamId(userId),
      events: [...roles].map(([roleId, sourceId]) => ({ event: toggled(userId, roleId), sourceId })),
    })),
  ].filter((stream) => stream.events.length > 0);
}

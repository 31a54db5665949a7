import type { RolesEvent } from '@gatehouse/contracts';
import { migrateLegacyRoles } from './legacy-roles';

let next = 0;
const legacy = (event: RolesEvent) => ({ eventId: `e${next++}`, accountId: 'a1', event });
const toggled = (userId: string, roleId: string, enabled = true) =>
  legacy({ type: 'RoleToggled', data: { userId, roleId, enabled } });

describe('moving a legacy roles stream to the per-user layout', () => {
  it('keeps the custom roles in order, the roles each user holds at the end, and the admins', () => {
    const events = [
      toggled('u1', 'account-admin'),
      legacy({
        type: 'RoleDefined',
        data: { roleId: 'custom-1', name: 'Billing', permissions: ['users:read'] },
      }),
      toggled('u2', 'developer'),
      toggled('u2', 'account-admin'),
      toggled('u2', 'custom-1'),
      toggled('u2', 'account-admin', false),
      toggled('u3', 'analyst'),
      toggled('u3', 'analyst', false),
    ];
    const streams = migrateLegacyRoles('a1', events);
    expect(streams.map((stream) => [stream.streamId, stream.events.map((e) => e.event)])).toEqual([
      [
        'role-catalog-a1',
        [{ type: 'RoleDefined', data: { roleId: 'custom-1', name: 'Billing', permissions: ['users:read'] } }],
      ],
      ['role-admins-a1', [{ type: 'AccountAdminAdded', data: { userId: 'u1' } }]],
      [
        'role-assignments-u1',
        [{ type: 'RoleToggled', data: { userId: 'u1', roleId: 'account-admin', enabled: true } }],
      ],
      [
        'role-assignments-u2',
        [
          { type: 'RoleToggled', data: { userId: 'u2', roleId: 'developer', enabled: true } },
          { type: 'RoleToggled', data: { userId: 'u2', roleId: 'custom-1', enabled: true } },
        ],
      ],
    ]);
    expect(streams[3].events.map((e) => e.sourceId)).toEqual([events[2].eventId, events[4].eventId]);
  });

  it('writes nothing for an account without roles', () => {
    expect(migrateLegacyRoles('a1', [])).toEqual([]);
  });
});

import { Module } from '@nestjs/common';
import { DefineRoleHttpController } from './define-role/define-role.http.controller';
import { GetUserRolesHttpController } from './get-user-roles/get-user-roles.http.controller';
import { InitialRolesReaction } from './initial-roles.reaction';
import { LegacyRolesMigration } from './legacy-roles.migration';
import { ListRolesHttpController } from './list-roles/list-roles.http.controller';
import { RoleCommands } from './role-commands';
import { ToggleRoleHandler } from './toggle-role/toggle-role.handler';
import { ToggleRoleHttpController } from './toggle-role/toggle-role.http.controller';
import { ToggleRoleReadAhead } from './toggle-role/toggle-role-read-ahead';

/**
 * The roles context over HTTP: the catalog, custom roles, toggles and the last-admin rule, and the grant
 * of a new user's first roles. EventStore and IdentityModule are bound by the runtime importing it.
 */
@Module({
  controllers: [
    ListRolesHttpController,
    DefineRoleHttpController,
    ToggleRoleHttpController,
    GetUserRolesHttpController,
  ],
  providers: [
    RoleCommands,
    ToggleRoleHandler,
    ToggleRoleReadAhead,
    LegacyRolesMigration,
    InitialRolesReaction,
  ],
})
export class RolesApiModule {}

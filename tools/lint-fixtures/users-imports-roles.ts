// Lint fixture, never compiled: users code reaching into the roles context (the check must refuse it).
import { userStreamId } from '@gatehouse/contracts';
import { Grants } from '@gatehouse/identity';
import { roleAssignmentsDecider } from '@gatehouse/roles-domain';
import { RoleCommands } from '@gatehouse/roles-api';

export const used = [userStreamId, Grants, roleAssignmentsDecider, RoleCommands];

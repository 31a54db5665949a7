export * from './role-catalog.decider';
export * from './role-assignments.decider';
export * from './account-admins.decider';
export * from './role-rules';
export * from './roles.errors';
export * from './legacy-roles';

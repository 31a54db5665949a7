export * from './user.errors';
export * from './user.decider';
export * from './username.decider';
export * from './account.decider';
export * from './roles.decider';
export * from './roles.catalog';

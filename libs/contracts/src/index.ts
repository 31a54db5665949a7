export * from './envelope';
export * from './topics';
export * from './languages';
export * from './users.events';
export * from './accounts.events';
export * from './roles.events';
export * from './access.events';
export * from './streams';

export * from './access.decider';
export * from './access.errors';
export * from './api-keys.rules';
export * from './ip-safelist.rules';
export * from './canonical-safelist';
export * from './sign-in-settings.rules';

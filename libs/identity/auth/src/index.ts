export * from './identity.module';
export * from './grants';
export * from './session.config';
export * from './session/session-tokens';
export * from './command-context';
export * from './internal-call';

export * from './users-api.module';
export * from './users-auth.module';
export * from './users.config';

export * from './users-api.module';
export * from './users.config';
export * from './password-reset/password-reset.config';
export * from './create-invited-user/create-invited-user.handler';

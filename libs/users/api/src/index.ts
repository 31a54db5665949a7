export * from './users-api.module';
export * from './users-auth.module';
export * from './users.config';
export * from './password-reset/password-reset.config';
export * from './roles/account-roles';
export * from './credential-body-limits';

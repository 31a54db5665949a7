export * from './users-api.module';
export * from './users.config';
export * from './password-reset/password-reset.config';
export * from './credential-body-limits';
export { LoginLimiters, memoryLoginLimiters, redisLoginLimiters } from './login/login-throttle';
export * from './create-invited-user/create-invited-user.handler';

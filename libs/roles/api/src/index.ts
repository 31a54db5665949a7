export * from './roles-api.module';
export * from './role-commands';

export * from './access-control-api.module';
export { ServiceTokenConfig, SERVICE_TOKEN_HEADER } from './check-access/service-token';

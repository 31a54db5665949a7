export * from './access-control-api.module';

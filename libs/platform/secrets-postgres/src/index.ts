export * from './postgres-secret-store';

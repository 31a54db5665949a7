export * from './sqlite-secret-store';

export * from './secret-store.port';

export * from './postgres-event-store';
export * from './postgres-leader-lock';
export * from './postgres-delivery-log';
export { migrateSchema } from './migrate';

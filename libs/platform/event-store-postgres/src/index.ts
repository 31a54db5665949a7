export * from './postgres-event-store';
export * from './postgres-leader-lock';

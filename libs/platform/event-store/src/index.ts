export * from './event-store.port';
export * from './in-memory-event-store';
export * from './handle-command';
export * from './tail-all';

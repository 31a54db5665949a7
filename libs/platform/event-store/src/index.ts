export * from './event-store.port';
export * from './in-memory-event-store';
export * from './handle-command';
export * from './tail-all';
export * from './state-cache';
export * from './idempotent-retry';
export * from './stream-lock';

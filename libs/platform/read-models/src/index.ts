export * from './read-model.store';
export * from './in-memory.read-model-store';
export * from './query-cursor';

export * from './users-list.read-model';
export * from './in-memory-users-list.read-model';

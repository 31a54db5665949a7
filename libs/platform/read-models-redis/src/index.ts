export * from './redis-users-list.read-model';

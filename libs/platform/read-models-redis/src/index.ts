export * from './redis.read-model-store';

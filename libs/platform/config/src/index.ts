export * from './distributed-env';

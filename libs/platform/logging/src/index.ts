export * from './traceparent';
export * from './trace-context';
export * from './service-logger';
export * from './nest-logger';
export * from './http-logging';
export * from './batch-trace';
export * from './traced-subscriber';
export * from './kafka-logs';

export * from './event-bus.port';
export * from './retry-until-handled';
export * from './in-process-bus';

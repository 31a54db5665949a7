export * from './codec';
export * from './create-topics';
export * from './kafka-event-publisher';
export * from './kafka-event-subscriber';
export * from './ensure-topics';
export * from './published-event-ids';

export * from './notifier.port';
export * from './render-email';
export * from './file-outbox-notifier';
export type { EmailTemplate, TemplateSet } from './templates/email-template';
export * from './templates/email-templates';
export * from './delivery/delivery-log.port';
export * from './delivery/in-memory-delivery-log';
export * from './delivery/delivery-policy';
export * from './delivery/notification-reaction';

export * from './notifier.port';
export * from './render-email';
export * from './file-outbox-notifier';
export type { EmailTemplate, TemplateSet } from './templates/email-template';
export * from './templates/email-templates';

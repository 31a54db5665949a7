export * from './notifier.port';
export * from './render-email';
export * from './file-outbox-notifier';
export type { Catalog, MessageKey } from './messages/en';
export { catalogs } from './messages/catalogs';
export { argumentsOf, formatMessage, messageSource, supportedLanguage } from './messages/translate';
export { paragraphs } from './messages/paragraphs';

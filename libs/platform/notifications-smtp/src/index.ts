export * from './smtp-options';
export * from './smtp-notifier';

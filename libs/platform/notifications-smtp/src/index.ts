export * from './smtp-options';
export * from './smtp-notifier';
export * from './mail-settings';

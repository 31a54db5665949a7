export * from './relay';
export * from './find-unpublished';

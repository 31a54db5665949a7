export * from './read-model.declaration';
export * from './fold';
export * from './index-entries';
export * from './row-query';
export * from './csv-line';
export * from './read-fields';

export * from './page-headers';
export * from './csrf';
export * from './page-html';
export * from './page-language';
export * from './page-errors';
export * from './token-page';

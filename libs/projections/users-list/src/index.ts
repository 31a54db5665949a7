export * from './user-row';
export * from './users-list.declaration';
export * from './users-list.projection';

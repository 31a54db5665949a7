export * from './user-row';
export * from './users-list.writes';
export * from './users-list.projection';

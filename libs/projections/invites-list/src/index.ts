export * from './invite-row';
export * from './invites-list.declaration';
export * from './invites-list.projection';

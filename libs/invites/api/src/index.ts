export * from './invites-api.module';
export * from './invites.config';
export * from './accept-invite/invitee-users';

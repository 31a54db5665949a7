export * from './invite.decider';
export * from './invite-email.decider';
export * from './invite-settings.decider';
export * from './invite-expiry';
export * from './invite-streams';
export * from './invites.errors';

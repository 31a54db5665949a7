export * from './invites-api.module';
export * from './invites.config';
export * from './accept-invite/invitee-users';
export { ACCEPT_INVITE_PAGE, acceptInvitePageForms } from './accept-invite/accept-invite.page.controller';

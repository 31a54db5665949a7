/** Every stream of the invites context starts with `invite-`: the prefix its service owns. */
export const INVITES_STREAM_PREFIX = 'invite-';
export const inviteStreamId = (inviteId: string): string => `invite-${inviteId}`;
export const inviteSettingsStreamId = (accountId: string): string => `invite-settings-${accountId}`;
/** `digest`: the keyed hash of the account and the normalised email (no email in any stream id). */
export const inviteEmailStreamId = (digest: string): string => `invite-email-${digest}`;

/** Emails compare without case or surrounding spaces: one mailbox, one pending invite. */
export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

/**
 * How long an invite stays valid, set per account: 7 days unless an Account admin chose otherwise,
 * from 1 hour to 30 days. Expiry has no event: an invite is expired once `now` reaches its deadline
 * (`expiresAt`, moved by each resend), so nothing has to run at the deadline for it to hold.
 */
export const INVITE_EXPIRY_HOURS = { default: 7 * 24, min: 1, max: 30 * 24 } as const;

export const deadlineAfter = (now: Date, hours: number): string =>
  new Date(now.getTime() + hours * 3_600_000).toISOString();

export const isPast = (deadline: string, now: Date): boolean => now.getTime() >= Date.parse(deadline);

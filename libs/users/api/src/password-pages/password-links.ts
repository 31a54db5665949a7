import type { TemplateName } from '@gatehouse/notifications';
import type { RouteBodyLimit } from '@gatehouse/http';
import { FIRST_PASSWORD_TTL_DAYS, type PasswordResetConfig } from '../password-reset/password-reset.config';

/** The page each password email links to: a reset, or a first password for a user an admin created. */
export const PASSWORD_PAGES = { reset: '/reset-password', first: '/set-password' } as const;

/** The page forms post a few short fields, urlencoded (password-pages.http.controller.ts). */
export const passwordPageForms: readonly RouteBodyLimit[] = Object.values(PASSWORD_PAGES).map((path) => ({
  method: 'POST',
  path: new RegExp(`^${path}/?$`),
  bytes: 4 * 1024,
  form: true,
}));

/** The link and lifetime a password email states; `lang` lets a spent link's page speak the user's language. */
export function passwordLinkParams(
  template: TemplateName,
  config: PasswordResetConfig,
  token: string,
  language: string,
): Record<string, string> {
  const first = template === 'set-password';
  const query = new URLSearchParams({ token, lang: language });
  const resetUrl = `${config.publicUrl}${first ? PASSWORD_PAGES.first : PASSWORD_PAGES.reset}?${query}`;
  return first
    ? { resetUrl, expiresInDays: String(FIRST_PASSWORD_TTL_DAYS) }
    : { resetUrl, expiresInMinutes: String(config.ttlMinutes) };
}

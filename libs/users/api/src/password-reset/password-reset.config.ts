/**
 * Where password links point and how long a reset link lives. Links are `<publicUrl><page>?token=<token>`:
 * the page (password-pages.ts) reads the token to greet the user in their language and moves it into its
 * form; request logs never hold a URL, and the pages send no Referer.
 */
export abstract class PasswordResetConfig {
  /** The base URL people reach Gatehouse at (the gateway when distributed). */
  abstract readonly publicUrl: string;
  abstract readonly ttlMinutes: number;
}

export const DEFAULT_RESET_TTL_MINUTES = 60;

/** A user an admin creates has a week to choose a first password (the product page's invite default). */
export const FIRST_PASSWORD_TTL_DAYS = 7;

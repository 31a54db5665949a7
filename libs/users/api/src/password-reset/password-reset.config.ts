/** Where reset links point (a page that posts the token to /v1/password-resets) and how long they live. */
export abstract class PasswordResetConfig {
  /** The link is `<linkBase>#token=<token>`: a fragment, so the token never reaches a server log. */
  abstract readonly linkBase: string;
  abstract readonly ttlMinutes: number;
}

export const DEFAULT_RESET_TTL_MINUTES = 60;

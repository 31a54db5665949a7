/**
 * Messages to people (email now; SMS and voice later). A message names a template and its parameters;
 * the adapter renders it in the recipient's language where a template exists, English otherwise.
 * Whether a recipient may be told at all (disabled users receive nothing) is decided by the caller.
 */
export const templateNames = [
  'account-locked',
  'password-reset',
  'set-password',
  'email-changed-old-address',
  'email-changed-new-address',
  'password-changed',
  'invite',
] as const;

export type TemplateName = (typeof templateNames)[number];

export interface EmailMessage {
  readonly to: string;
  /** BCP 47 tag of the recipient's language (one of the 19 supported). */
  readonly language: string;
  readonly template: TemplateName;
  readonly params: Readonly<Record<string, string>>;
  /** Correlates the message with the command that caused it. */
  readonly correlationId: string;
  /** The same for every attempt at the same message (a resend after a crash): for adapters that dedupe. */
  readonly idempotencyKey?: string;
}

export abstract class Notifier {
  /** Resolves once the message is handed over; rejects (sending nothing) when it cannot be rendered. */
  abstract send(message: EmailMessage): Promise<void>;

  /** Releases connections; adapters that hold none keep this no-op, so a module can always call it. */
  async close(): Promise<void> {
    return undefined;
  }
}

export interface SmtpOptions {
  readonly host: string;
  readonly port: number;
  /** Implicit TLS from the first byte (port 465); false still upgrades with STARTTLS when offered. */
  readonly secure: boolean;
  readonly user?: string;
  readonly pass?: string;
  /** Sender, e.g. `Gatehouse <no-reply@example.com>`. */
  readonly from: string;
}

/**
 * SMTP settings from the environment: `GATEHOUSE_SMTP_HOST`, `_PORT` (587), `_SECURE` (false), `_USER`,
 * `_PASS`, `_FROM`. A bad value stops start-up rather than the first email.
 */
export function readSmtpOptions(env: NodeJS.ProcessEnv): SmtpOptions {
  const required = (name: string): string => {
    const value = env[name];
    if (!value) throw new Error(`${name} must be set`);
    return value;
  };
  const port = Number(env['GATEHOUSE_SMTP_PORT'] ?? 587);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new Error('GATEHOUSE_SMTP_PORT must be a port number');
  }
  const secure = env['GATEHOUSE_SMTP_SECURE'] ?? 'false';
  if (secure !== 'true' && secure !== 'false') throw new Error('GATEHOUSE_SMTP_SECURE must be true or false');
  const user = env['GATEHOUSE_SMTP_USER'] || undefined;
  const pass = env['GATEHOUSE_SMTP_PASS'] || undefined;
  if (Boolean(user) !== Boolean(pass)) {
    throw new Error('GATEHOUSE_SMTP_USER and GATEHOUSE_SMTP_PASS are set together or not at all');
  }
  return {
    host: required('GATEHOUSE_SMTP_HOST'),
    port,
    secure: secure === 'true',
    ...(user && pass ? { user, pass } : {}),
    from: required('GATEHOUSE_SMTP_FROM'),
  };
}

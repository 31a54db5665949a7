import { type DeliveryPolicy, readDeliveryPolicy } from '@gatehouse/notifications';
import type { Clock } from '@gatehouse/identity';
import { readSmtpOptions, type SmtpOptions } from '@gatehouse/notifications-smtp';
import {
  type LoginLimits,
  type PasswordHashingConfig,
  readLoginLimits,
  readPasswordHashing,
} from '@gatehouse/identity';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface EmbeddedConfig {
  readonly dataDir: string;
  readonly port: number;
  readonly sessionKey: string;
  readonly operatorToken: string;
  /** Platform services present it to POST /v1/access/check (data/service.token unless set). */
  readonly serviceToken: string;
  readonly reservationKey: string;
  readonly passwordHashing: PasswordHashingConfig;
  readonly loginLimits: LoginLimits;
  readonly operatorTokenFile: string;
  /** Emails go here as JSON files, unless SMTP is configured. */
  readonly outboxDir: string;
  readonly smtp: SmtpOptions | null;
  /** Where users reach Gatehouse; password reset links point there. */
  readonly publicUrl: string;
  /** How often a failing email is tried before it is parked as a dead letter. */
  readonly delivery: DeliveryPolicy;
  /** The time sessions are judged by; tests move it, every other run leaves it to the system clock. */
  readonly clock?: Clock;
}

/**
 * Embedded mode needs no setup: its secrets are generated on first start into the data directory
 * (readable by the owner only) and reused afterwards, so sessions survive a restart. They are never logged.
 */
export function loadEmbeddedConfig(env: NodeJS.ProcessEnv = process.env): EmbeddedConfig {
  const dataDir = resolve(env['GATEHOUSE_DATA_DIR'] ?? './data');
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const operatorTokenFile = join(dataDir, 'operator.token');
  const port = Number(env['PORT'] ?? 3000);
  return {
    dataDir,
    port,
    sessionKey: env['GATEHOUSE_SESSION_KEY'] ?? readOrCreate(join(dataDir, 'session.key')),
    operatorToken: env['GATEHOUSE_OPERATOR_TOKEN'] ?? readOrCreate(operatorTokenFile),
    serviceToken: env['GATEHOUSE_SERVICE_TOKEN'] ?? readOrCreate(join(dataDir, 'service.token')),
    reservationKey: env['GATEHOUSE_RESERVATION_KEY'] ?? readOrCreate(join(dataDir, 'reservation.key')),
    passwordHashing: readPasswordHashing(env),
    loginLimits: readLoginLimits(env),
    operatorTokenFile,
    outboxDir: resolve(env['GATEHOUSE_OUTBOX_DIR'] ?? join(dataDir, 'outbox')),
    smtp: env['GATEHOUSE_SMTP_HOST'] ? readSmtpOptions(env) : null,
    publicUrl: env['GATEHOUSE_PUBLIC_URL'] ?? `http://127.0.0.1:${port}`,
    delivery: readDeliveryPolicy(env),
  };
}

function readOrCreate(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

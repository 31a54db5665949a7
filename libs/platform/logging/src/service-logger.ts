import { type DestinationStream, type Level, type Logger, pino } from 'pino';
import { traceFields } from './trace-context';

export type ServiceLogger = Logger;

export interface ServiceLoggerOptions {
  /** `GATEHOUSE_LOG_LEVEL` when not given; `info` when neither is. */
  readonly level?: Level | 'silent';
  /** stdout when not given; tests pass a stream to read the lines. */
  readonly destination?: DestinationStream;
}

/**
 * Fields that may hold a secret if someone logs a request body or headers; their values are replaced.
 * The secret scan of the distributed e2e is the check that none reaches a log line another way.
 */
const REDACTED = [
  'password',
  'currentPassword',
  'newPassword',
  'token',
  'authorization',
  'cookie',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.token',
  '*.authorization',
  '*.cookie',
  'headers["set-cookie"]',
];

/**
 * One JSON object per line on stdout: ISO time, level by name, the service, and — inside a request or a
 * batch of events — its request id(s) and trace id(s), so `grep <request id>` over every service's log
 * follows one request from the gateway to the read models.
 */
export function createServiceLogger(service: string, options: ServiceLoggerOptions = {}): ServiceLogger {
  return pino(
    {
      level: options.level ?? process.env['GATEHOUSE_LOG_LEVEL'] ?? 'info',
      base: { service, pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: traceFields,
      redact: { paths: REDACTED, censor: '[redacted]' },
    },
    options.destination,
  );
}

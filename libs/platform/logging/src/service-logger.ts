import { type DestinationStream, type Level, type Logger, pino } from 'pino';
import { flushedWhenWritten } from './flushed-when-written';
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

/** How long a line may wait in the stdout buffer for more to fill it (see stdout). */
const FLUSH_EVERY_MS = 100;

let shared: DestinationStream | undefined;

/**
 * Standard output, shared by every logger of the process (two buffers writing to one pipe could split
 * each other's lines), written 4 kB at a time or FLUSH_EVERY_MS after a line (flushedWhenWritten). A
 * write per line woke the reading end of the pipe (a log shipper) for every request: with the gateway and
 * the users service both logging, a get-user through the gateway served 5–38 % fewer requests with logs
 * on than off (six runs of `BENCH_ONLY=logging`), and 2–12 % fewer written in batches (four runs,
 * alternating with the former).
 * What a kill -9 can take is the last FLUSH_EVERY_MS of lines; any other exit writes them out (pino
 * flushes on exit). ADR: logs written to stdout in batches.
 */
function stdout(): DestinationStream {
  if (shared) return shared;
  shared = flushedWhenWritten(pino.destination({ dest: 1, minLength: 4096, sync: false }), FLUSH_EVERY_MS);
  return shared;
}

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
    options.destination ?? stdout(),
  );
}

import type { LoggerService } from '@nestjs/common';
import type { Level } from 'pino';
import type { ServiceLogger } from './service-logger';

/** As Nest's ConsoleLogger tells a stack from a context in `error(message, stackOrContext)`. */
const STACK = /^(.)+\n\s+at .+:\d+:\d+/;

/**
 * Nest's LoggerService over pino: Nest's own lines and every `new Logger(context)` in the libraries
 * become JSON lines with `context`. A message that is an object is logged as fields; an Error as `err`.
 */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: ServiceLogger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    const [first] = params;
    const stack = params.length === 2 || (typeof first === 'string' && STACK.test(first)) ? first : undefined;
    this.write('error', message, stack === undefined ? params : params.slice(1), stack);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: Level, message: unknown, params: unknown[], stack?: unknown): void {
    const context = params.at(-1);
    const fields: Record<string, unknown> = typeof context === 'string' ? { context } : {};
    if (stack !== undefined) fields['stack'] = stack;
    if (message instanceof Error) this.logger[level]({ ...fields, err: message }, message.message);
    else if (typeof message === 'object' && message !== null) this.logger[level]({ ...fields, ...message });
    else this.logger[level](fields, String(message));
  }
}

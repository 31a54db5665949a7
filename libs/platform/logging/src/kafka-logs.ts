import { type logCreator, logLevel } from 'kafkajs';
import type { Level } from 'pino';
import type { ServiceLogger } from './service-logger';

const LEVELS: Partial<Record<logLevel, Level>> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

/** kafkajs's own log lines through the service's logger, so they are JSON lines of that service too. */
export function kafkaLogs(logger: ServiceLogger): logCreator {
  const kafkaLogger = logger.child({ context: 'kafkajs' });
  return () =>
    ({ namespace, level, log }) => {
      // kafkajs's own timestamp and logger name would repeat what every line has.
      const fields: Record<string, unknown> = { ...log };
      for (const key of ['message', 'timestamp', 'logger']) delete fields[key];
      kafkaLogger[LEVELS[level] ?? 'info']({ namespace, ...fields }, log.message);
    };
}

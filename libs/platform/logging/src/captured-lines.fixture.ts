import { Writable } from 'node:stream';
import { createServiceLogger } from './service-logger';

/** For the specs: a service logger whose lines are read back as objects. */
export function capturedLogger(level: 'info' | 'debug' = 'info') {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(
        ...chunk
          .toString()
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line)),
      );
      done();
    },
  });
  return { lines, logger: createServiceLogger('users', { level, destination }) };
}

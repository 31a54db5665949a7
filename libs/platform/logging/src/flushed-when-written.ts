import type { DestinationStream } from 'pino';

/** What flushedWhenWritten needs of a buffered stream: pino's SonicBoom with a `minLength`. */
export interface BufferedStream {
  write(line: string): unknown;
  flush(callback: (error?: Error) => void): void;
}

/**
 * Lines go into `stream`'s buffer; the first line after a flush arms one timer that flushes it `everyMs`
 * later, so a line waits at most that long and a process that logs nothing sets no timer at all. A flush
 * on a fixed interval woke every process ten times a second at rest to write an empty buffer through the
 * thread pool (strace of an idle roles service).
 */
export function flushedWhenWritten(stream: BufferedStream, everyMs: number): DestinationStream {
  let armed: NodeJS.Timeout | undefined;
  const flush = () => {
    armed = undefined;
    // A callback makes flush report, not throw, once pino's exit handler has ended the stream.
    stream.flush(() => undefined);
  };
  return {
    write(line: string) {
      stream.write(line);
      armed ??= setTimeout(flush, everyMs).unref();
    },
  };
}

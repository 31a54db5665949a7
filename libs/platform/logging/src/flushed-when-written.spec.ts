import { flushedWhenWritten } from './flushed-when-written';

describe('flushedWhenWritten', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const buffered = () => {
    const stream = { lines: [] as string[], flushes: 0 };
    return {
      stream,
      destination: flushedWhenWritten(
        { write: (line: string) => stream.lines.push(line), flush: () => void stream.flushes++ },
        100,
      ),
    };
  };

  it('flushes the lines written within one wait once, when the wait is over', () => {
    const { stream, destination } = buffered();
    destination.write('one\n');
    jest.advanceTimersByTime(60);
    destination.write('two\n');
    jest.advanceTimersByTime(39);
    expect(stream).toEqual({ lines: ['one\n', 'two\n'], flushes: 0 });
    jest.advanceTimersByTime(1);
    expect(stream.flushes).toBe(1);
  });

  it('sets no timer while nothing is written, and one again for the next line', () => {
    const { stream, destination } = buffered();
    expect(jest.getTimerCount()).toBe(0);
    destination.write('one\n');
    jest.advanceTimersByTime(100);
    expect(jest.getTimerCount()).toBe(0);
    jest.advanceTimersByTime(10_000);
    expect(stream.flushes).toBe(1);
    destination.write('two\n');
    expect(jest.getTimerCount()).toBe(1);
    jest.advanceTimersByTime(100);
    expect(stream.flushes).toBe(2);
  });
});

import type { StoredEvent } from '@gatehouse/contracts';
import { reactByStream } from './react-by-stream';

const event = (streamId: string, streamPosition: number): StoredEvent =>
  ({ eventId: `${streamId}:${streamPosition}`, streamId, streamPosition }) as StoredEvent;

/** A react that records when each call begins and ends, each call taking `ms` (real timers, short). */
function recorder(ms = 5, fail?: string) {
  const log: string[] = [];
  let running = 0;
  let most = 0;
  const react = async ({ eventId }: StoredEvent): Promise<void> => {
    log.push(`begin ${eventId}`);
    most = Math.max(most, ++running);
    await new Promise((resolve) => setTimeout(resolve, ms));
    running--;
    log.push(`end ${eventId}`);
    if (eventId === fail) throw new Error(`failed ${eventId}`);
  };
  return { log, react, most: () => most };
}

describe('reactByStream', () => {
  const batch = [event('a', 0), event('b', 0), event('a', 1), event('c', 0), event('b', 1), event('d', 0)];

  it('with a concurrency of 1, handles the events one at a time in the batch order', async () => {
    const { log, react, most } = recorder();
    await reactByStream(batch, react, 1);
    expect(log.filter((line) => line.startsWith('begin'))).toEqual(batch.map((e) => `begin ${e.eventId}`));
    expect(most()).toBe(1);
  });

  it('handles up to that many streams at once, each stream in its order', async () => {
    const { log, react, most } = recorder();
    await reactByStream(batch, react, 3);
    expect(most()).toBe(3);
    expect(log.filter((line) => line.startsWith('end'))).toHaveLength(batch.length);
    for (const stream of ['a', 'b'])
      expect(log.indexOf(`end ${stream}:0`)).toBeLessThan(log.indexOf(`begin ${stream}:1`));
  });

  it('starts no further stream after a failure, and rejects once every running call has ended', async () => {
    const { log, react } = recorder(5, 'a:0');
    await expect(reactByStream(batch, react, 2)).rejects.toThrow('failed a:0');
    // a:0 and b:0 ran side by side; a's next event and the streams not started are left for the retry.
    expect(log).toEqual(expect.arrayContaining(['begin a:0', 'begin b:0', 'end a:0', 'end b:0']));
    expect(log).not.toContain('begin a:1');
    expect(log).not.toContain('begin c:0');
    expect(log.at(-1)).toMatch(/^end /);
  });
});

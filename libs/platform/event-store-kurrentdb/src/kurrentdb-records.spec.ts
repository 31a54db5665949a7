import { InvalidCheckpoint, START } from '@gatehouse/event-store';
import { newTestEvent, TRACEPARENT } from '@gatehouse/testing';
import { checkpointOf, positionOf, StreamNames, toEventData, toStoredEvent } from './kurrentdb-records';

describe('KurrentDB records', () => {
  const names = new StreamNames('gh-test');

  describe('stream names', () => {
    it("prefixes events with the namespace and a ':', snapshots and checkpoints with a '~'", () => {
      expect(names.events('user-1')).toBe('gh-test:user-1');
      expect(names.streamIdOf('gh-test:user-1')).toBe('user-1');
      expect(names.snapshot('user-1', 'access')).toBe('gh-test~snapshot:access:user-1');
      expect(names.checkpoint('relay')).toBe('gh-test~checkpoint:relay');
    });

    it("keeps snapshots and checkpoints out of the events' prefix, which the global read filters on", () => {
      expect(names.snapshot('user-1', 'v').startsWith(names.eventsPrefix)).toBe(false);
      expect(names.checkpoint('relay').startsWith(names.eventsPrefix)).toBe(false);
    });

    it.each(['', '$system', 'a:b', 'a~b'])('refuses the namespace %j', (namespace) => {
      expect(() => new StreamNames(namespace)).toThrow(/namespace/);
    });
  });

  describe('checkpoints', () => {
    it('round-trips a log position', () => {
      const position = { commit: 18_446_744_073_709_551_615n, prepare: 42n };
      expect(positionOf(checkpointOf(position))).toEqual(position);
    });

    it('reads START as the beginning', () => {
      expect(positionOf(START)).toBeUndefined();
    });

    it.each(['42', '1/', '/2', '-1/2', '1/2/3', 'x/1', '123456789012345678901/1'])(
      'refuses %j as a checkpoint this store never gave',
      (checkpoint) => {
        expect(() => positionOf(checkpoint)).toThrow(InvalidCheckpoint);
      },
    );
  });

  describe('events', () => {
    it('stores the envelope beside type and data, and reads back the event as appended', () => {
      const event = newTestEvent({ traceparent: TRACEPARENT, causationId: 'cause-1', data: { n: 1 } });
      const data = toEventData(event);
      expect(data).toMatchObject({ id: event.eventId, type: event.type, data: { n: 1 } });
      const stored = toStoredEvent(
        {
          streamId: 'gh-test:user-1',
          id: data.id,
          revision: 3n,
          type: data.type,
          data: data.data,
          metadata: JSON.parse(JSON.stringify(data.metadata)),
          position: { commit: 900n, prepare: 850n },
        },
        names,
      );
      expect(stored).toEqual({
        ...event,
        streamId: 'user-1',
        streamPosition: 3,
        globalPosition: 850,
        checkpoint: '900/850',
      });
    });

    it('keeps the metadata a map of strings, as multi-stream appends require', () => {
      const metadata = toEventData(newTestEvent()).metadata as Record<string, unknown>;
      expect(Object.values(metadata).every((value) => typeof value === 'string')).toBe(true);
    });

    it('reads an event stored without a trace context without one', () => {
      const event = newTestEvent();
      delete (event as { traceparent?: string }).traceparent;
      const data = toEventData(event);
      const stored = toStoredEvent(
        {
          streamId: 'gh-test:s',
          id: data.id,
          revision: 0n,
          type: data.type,
          data: data.data,
          metadata: data.metadata,
          position: { commit: 1n, prepare: 1n },
        },
        names,
      );
      expect(stored).not.toHaveProperty('traceparent');
    });
  });
});

import type { StoredEvent } from '@gatehouse/contracts';

/** A stored event as a projection receives it: the envelope filled in, ids made from the stream. */
export function storedTestEvent(
  event: Pick<StoredEvent, 'accountId' | 'streamId' | 'streamPosition' | 'type' | 'data' | 'occurredAt'>,
): StoredEvent {
  const eventId = `${event.streamId}@${event.streamPosition}`;
  return {
    ...event,
    eventId,
    schemaVersion: 1,
    actor: 'admin',
    correlationId: eventId,
    causationId: null,
    globalPosition: 1,
    checkpoint: '1',
  };
}

import type { NewEvent } from '@gatehouse/contracts';
import { randomUUID } from 'node:crypto';

/** An event with nothing to say but its identity: for specs of the store's readers. */
export const newTestEvent = (): NewEvent => ({
  eventId: randomUUID(),
  type: 'Happened',
  schemaVersion: 1,
  accountId: 'a1',
  occurredAt: '2026-12-01T00:00:00.000Z',
  actor: 'u1',
  correlationId: randomUUID(),
  causationId: null,
  data: {},
});

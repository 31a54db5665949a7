import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { UsernameEvent } from '@gatehouse/contracts';
import { EventStore, NO_STREAM, START, WrongExpectedVersion } from '@gatehouse/event-store';
import { v5 as uuidv5 } from 'uuid';
import { isLegacyReservation, UsernameReservations } from '@gatehouse/identity';

const DONE = 'migration:username-hmac';
/** Namespace of the moved events' ids: the same legacy event always becomes the same new event. */
const NAMESPACE = 'c4a1e0f2-6b8d-4f3a-9e27-1d5b7c9a0e63';

/**
 * Moves reservations from `username-<name>` streams to keyed-hash ids, once, before the users service
 * serves: each legacy reservation is appended to its new stream with an id derived from the legacy
 * event, so instances starting together, or a start after a crash midway, only retry the same appends.
 * The legacy streams stay as history (erasing them is part of erasing a person, not of this move).
 */
export async function moveLegacyReservations(
  store: EventStore,
  reservations: UsernameReservations,
): Promise<number> {
  if ((await store.loadCheckpoint(DONE)) === 'done') return 0;
  let moved = 0;
  for (let after = START; ; ) {
    const batch = await store.readAll({ after, maxCount: 1000 });
    if (batch.length === 0) break;
    for (const event of batch) {
      if (event.type !== 'UsernameReserved' || !isLegacyReservation(event.streamId)) continue;
      const { username } = event.data as Extract<UsernameEvent, { type: 'UsernameReserved' }>['data'];
      const { eventId, type, schemaVersion, accountId, occurredAt, actor, correlationId, data } = event;
      const copy = { type, schemaVersion, accountId, occurredAt, actor, correlationId, data };
      try {
        await store.append(
          reservations.streamIdOf(username),
          [{ ...copy, eventId: uuidv5(eventId, NAMESPACE), causationId: eventId }],
          NO_STREAM,
        );
        moved++;
      } catch (error) {
        // Reserved already: by this move on an earlier start, or by the new layout since.
        if (!(error instanceof WrongExpectedVersion)) throw error;
      }
    }
    after = batch[batch.length - 1].checkpoint;
  }
  await store.saveCheckpoint(DONE, 'done');
  return moved;
}

@Injectable()
export class UsernameReservationsMigration implements OnModuleInit {
  constructor(
    private readonly store: EventStore,
    private readonly reservations: UsernameReservations,
  ) {}

  async onModuleInit(): Promise<void> {
    const moved = await moveLegacyReservations(this.store, this.reservations);
    if (moved > 0) new Logger('users').log(`moved ${moved} username reservations to keyed-hash stream ids`);
  }
}

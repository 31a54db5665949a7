import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { RolesEvent, StoredEvent } from '@gatehouse/contracts';
import { EventStore, NO_STREAM, START, WrongExpectedVersion } from '@gatehouse/event-store';
import { isLegacyRolesStream, type LegacyRolesEvent, migrateLegacyRoles } from '@gatehouse/roles-domain';
import { v5 as uuidv5 } from 'uuid';

const DONE = 'migration:roles-per-user';
/** Namespace of the migrated events' ids: the same legacy event always becomes the same new event. */
const NAMESPACE = '7d0f1c52-3a0e-4c54-9a57-5f3c1b0e9a21';

/**
 * Moves installations from `roles-<accountId>` streams to the per-user layout, once, before the users
 * service serves: reads the global order, plans each account's new streams (migrateLegacyRoles) and
 * appends each as a new stream with ids derived from the legacy events. Instances starting together do
 * the same appends, which the store takes as retries; a crash midway is finished by the next start.
 */
export async function migrateLegacyRolesStreams(store: EventStore): Promise<number> {
  if ((await store.loadCheckpoint(DONE)) === 'done') return 0;
  const legacy = new Map<string, StoredEvent[]>();
  for (let after = START; ; ) {
    const batch = await store.readAll({ after, maxCount: 1000 });
    if (batch.length === 0) break;
    for (const event of batch.filter((stored) => isLegacyRolesStream(stored.streamId))) {
      legacy.set(event.accountId, [...(legacy.get(event.accountId) ?? []), event]);
    }
    after = batch[batch.length - 1].checkpoint;
  }
  let written = 0;
  for (const [accountId, stored] of legacy) {
    const byId = new Map(stored.map((event) => [event.eventId, event]));
    const events: LegacyRolesEvent[] = stored.map((event) => ({
      eventId: event.eventId,
      accountId,
      event: { type: event.type, data: event.data } as RolesEvent,
    }));
    for (const stream of migrateLegacyRoles(accountId, events)) {
      const appended = stream.events.map(({ event, sourceId }) => {
        const source = byId.get(sourceId) as StoredEvent;
        return {
          ...event,
          eventId: uuidv5(`${stream.streamId}/${sourceId}`, NAMESPACE),
          schemaVersion: 1,
          accountId,
          occurredAt: source.occurredAt,
          actor: source.actor,
          correlationId: source.correlationId,
          causationId: sourceId,
        };
      });
      try {
        await store.append(stream.streamId, appended, NO_STREAM);
        written++;
      } catch (error) {
        // Written since by the new layout: what is there now is newer than the legacy outcome.
        if (!(error instanceof WrongExpectedVersion)) throw error;
      }
    }
  }
  await store.saveCheckpoint(DONE, 'done');
  return written;
}

@Injectable()
export class LegacyRolesMigration implements OnModuleInit {
  constructor(private readonly store: EventStore) {}

  async onModuleInit(): Promise<void> {
    const written = await migrateLegacyRolesStreams(this.store);
    if (written > 0) new Logger('roles').log(`moved legacy roles streams to ${written} per-user streams`);
  }
}

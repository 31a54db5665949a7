import type { StoredEvent } from '@gatehouse/contracts';
import type { StreamRead } from './event-store.port';
import type { CommandContext } from './handle-command';
import { InMemoryEventStore } from './in-memory-event-store';

/** The in-memory store, recording every readStreams call it answers: for specs counting round trips. */
export class RecordingStore extends InMemoryEventStore {
  readonly calls: StreamRead[][] = [];
  override readStreams(reads: readonly StreamRead[]): Promise<StoredEvent[][]> {
    this.calls.push([...reads]);
    return super.readStreams(reads);
  }
}

/** Who asks, for specs of command handling: nobody in particular. */
export const testContext: CommandContext = {
  accountId: 'a',
  actor: 'u',
  correlationId: 'c',
  causationId: null,
  now: new Date(0),
};

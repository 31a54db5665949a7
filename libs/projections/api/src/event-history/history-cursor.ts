import { InvalidCheckpoint } from '@gatehouse/event-store';
import { InvalidInput } from '@gatehouse/http';

/** The page's last checkpoint, opaque to clients. */
export const historyCursor = (checkpoint: string): string => Buffer.from(checkpoint).toString('base64url');

export const checkpointOf = (cursor: string): string => Buffer.from(cursor, 'base64url').toString('utf8');

/** A cursor the store never gave is a 400 naming it, not a fault of the store. */
export async function readingCursor<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (!(error instanceof InvalidCheckpoint)) throw error;
    throw new InvalidInput([
      { field: 'cursor', rule: 'isValidCursor', message: 'not a cursor of this history' },
    ]);
  }
}

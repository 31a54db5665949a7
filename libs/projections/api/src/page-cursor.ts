import { InvalidInput } from '@gatehouse/http';
import type { RowQuery } from '@gatehouse/read-model-kit';
import { type CursorPosition, decodeCursor, InvalidCursor } from '@gatehouse/read-models';

/** Where a page of `shape` starts; a cursor of another query, edited or truncated, is a 400 naming it. */
export function startAfter(shape: Omit<RowQuery, 'limit' | 'after'>, cursor: string): CursorPosition {
  try {
    return decodeCursor(shape, cursor);
  } catch (error) {
    if (!(error instanceof InvalidCursor)) throw error;
    throw new InvalidInput([{ field: 'cursor', rule: 'isValidCursor', message: error.message }]);
  }
}

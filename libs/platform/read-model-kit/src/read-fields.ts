import { csvCellText } from './csv-line';
import type { ReadModelDeclaration } from './read-model.declaration';

/**
 * What a read of a row carries beyond the columns writes set: each `joined` field, and [] for the list
 * column of an `each` set that the row never had. A store may keep them in a record made as the row is
 * written (the Redis store's `json` hash), so that a page goes out as it was stored.
 */
export function readFields(
  model: ReadModelDeclaration,
  columns: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const set of Object.values(model.sets))
    if (set.kind === 'each' && columns[set.column] === undefined) fields[set.column] = [];
  for (const [field, joined] of Object.entries(model.joined ?? {}))
    fields[field] = csvCellText({ header: field, columns: joined }, columns);
  return fields;
}

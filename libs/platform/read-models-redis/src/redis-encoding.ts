import { columnKey, type ReadModelDeclaration, type Row, type RowWrite } from '@gatehouse/read-model-kit';
import type { ChainableCommander } from 'ioredis';

/** How the Redis store speaks to Redis: a write as script arguments, rows back, pipelines, key patterns. */

/** A client or pipeline with the commands defineCommand gave it (ioredis types them by name only). */
export interface Scripts<R> {
  [command: string]: (...args: string[]) => R;
}

/** Writes per script run: a run blocks the server, so a large batch goes as several (one pipeline). */
const WRITES_PER_RUN = 500;

/**
 * Writes grouped by account (keeping their order within it), as one script run's write arguments (see
 * applyScript) per WRITES_PER_RUN of them.
 */
export function scriptRuns(
  model: ReadModelDeclaration,
  writes: readonly RowWrite[],
): { readonly accountId: string; readonly args: string[] }[] {
  const byAccount = new Map<string, RowWrite[]>();
  for (const write of writes) {
    const list = byAccount.get(write.accountId);
    if (list) list.push(write);
    else byAccount.set(write.accountId, [write]);
  }
  const runs: { accountId: string; args: string[] }[] = [];
  for (const [accountId, list] of byAccount) {
    for (let start = 0; start < list.length; start += WRITES_PER_RUN) {
      const args: string[] = [];
      for (const write of list.slice(start, start + WRITES_PER_RUN)) writeArgs(model, write, args);
      runs.push({ accountId, args });
    }
  }
  return runs;
}

/** A write as the apply script's arguments (see applyScript), appended to `args`. */
export function writeArgs(model: ReadModelDeclaration, write: RowWrite, args: string[]): void {
  // The row id is in most stream ids (user-<id>): written once, as the row key, not in every field name.
  const position = `_p:${write.source.streamId.replace(write.rowId, '*')}`;
  args.push(write.rowId, position, String(write.source.streamPosition));
  if (write.kind === 'toggle') {
    args.push('t', write.column, write.item, write.present ? '1' : '0');
    return;
  }
  // One pass, no intermediate arrays: this runs for every event of a rebuild.
  const count = args.push('u', '') - 1;
  let pairs = 0;
  for (const [column, value] of Object.entries(write.columns)) {
    // An explicit undefined would reach Redis as '' and make the row unreadable: skip it.
    if (value === undefined) continue;
    const key = columnKey(model, column, value);
    if (key === undefined) args.push(column, JSON.stringify(value));
    else args.push(column, JSON.stringify(value), `_n:${column}`, key);
    pairs += key === undefined ? 1 : 2;
  }
  args[count] = String(pairs);
}

export async function execOrThrow(pipeline: ChainableCommander): Promise<unknown[]> {
  const results = (await pipeline.exec()) ?? [];
  const failed = results.find(([error]) => error);
  if (failed) throw failed[0];
  return results.map(([, result]) => result);
}

/** Columns are JSON; fields starting with `_` (positions, folded keys) stay inside the adapter. */
export function decodeRow(id: string, flat: readonly string[]): Row {
  const row: Record<string, unknown> = {};
  for (let index = 0; index < flat.length; index += 2) {
    if (!flat[index].startsWith('_')) row[flat[index]] = JSON.parse(flat[index + 1]);
  }
  return { ...row, id };
}

export function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, '\\$&');
}

/** What the `appenders` statement returns: xids as text, the appenders' in 32-bit form. */
export interface AppendersRow {
  next: string;
  appenders: string[];
}

const XID_SPACE = 2n ** 32n;
const HALF = 2n ** 31n;

/**
 * pg_locks shows an xid without its epoch; `next` (an xid8) has one. An in-progress xid lies within 2^31
 * of the next one to be handed out (PostgreSQL's own wraparound rule), so the signed 32-bit distance
 * from `next` gives it back in full.
 */
export function widenXid(xid32: string, next: string): string {
  const full = BigInt(next);
  const distance = ((((BigInt(xid32) - full) % XID_SPACE) + XID_SPACE + HALF) % XID_SPACE) - HALF;
  return String(full + distance);
}

/** The readAll statement's $4 and $5: transactions appending at the first look, and the next xid then. */
export function horizonParameters(row: AppendersRow): [string[], string] {
  return [row.appenders.map((xid) => widenXid(xid, row.next)), row.next];
}

import { randomFillSync } from 'node:crypto';

/**
 * W3C Trace Context `traceparent` (version 00): `00-<32 hex trace id>-<16 hex parent id>-<2 hex flags>`.
 * All-zero ids are invalid by the spec; a header that does not parse is replaced, never passed on.
 */
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$/;

export function isTraceparent(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = TRACEPARENT.exec(value);
  return match !== null && !/^0+$/.test(match[1]) && !/^0+$/.test(match[2]);
}

/** The trace id of a valid traceparent: what log lines carry, so a trace is greppable across services. */
export function traceIdOf(traceparent: string): string {
  return traceparent.slice(3, 35);
}

/** 24 random bytes per trace (16 trace id, 8 parent id), drawn from a pool of 256 traces' worth. */
const ID_BYTES = 24;
const pool = Buffer.alloc(ID_BYTES * 256);
let drawn = pool.length;

/**
 * A new trace, sampled: a request arriving without one starts it. The ids come from a pool refilled
 * once per 256 traces: two randomBytes calls per request were 4% of the gateway's CPU under get_user.
 */
export function newTraceparent(): string {
  if (drawn === pool.length) {
    randomFillSync(pool);
    drawn = 0;
  }
  const hex = pool.toString('hex', drawn, (drawn += ID_BYTES));
  return `00-${hex.slice(0, 32)}-${hex.slice(32)}-01`;
}

import { randomBytes } from 'node:crypto';

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

/** A new trace, sampled: a request arriving without one starts it. */
export function newTraceparent(): string {
  return `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01`;
}

/**
 * The stated limits of every request body (docs/limits.md). Commands are small documents: a few short
 * fields, arrays of at most a few dozen ids. Nothing is uploaded in bulk; exports stream out, not in.
 */
export const BODY_LIMITS = {
  /** Bytes of any JSON body unless its route says otherwise. */
  commandBytes: 16 * 1024,
  /** Nesting of arrays and objects: the deepest body today (account bootstrap) has 2. */
  maxDepth: 8,
} as const;

/** A route that accepts a smaller (or larger) body than commands in general. */
export interface RouteBodyLimit {
  readonly method: string;
  /** Matched against the path without its query string. */
  readonly path: RegExp;
  readonly bytes: number;
  /** The route is an HTML page's form post: it takes an urlencoded body (flat fields) as well as JSON. */
  readonly form?: boolean;
}

export function routeLimitFor(
  routes: readonly RouteBodyLimit[],
  method: string,
  path: string,
): RouteBodyLimit | undefined {
  return routes.find((candidate) => candidate.method === method && candidate.path.test(path));
}

export function bodyLimitFor(routes: readonly RouteBodyLimit[], method: string, path: string): number {
  return routeLimitFor(routes, method, path)?.bytes ?? BODY_LIMITS.commandBytes;
}

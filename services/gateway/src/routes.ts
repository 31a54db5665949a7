/**
 * Where each request goes: the read-model routes (users list, its CSV export, rebuilds) to projections,
 * every other API route to users.
 */
export interface Upstreams {
  readonly users: string;
  readonly projections: string;
}

const USERS_LIST = /^\/v1\/accounts\/[^/]+\/users(\/|\/export\.csv)?$/;

export function upstreamFor(method: string, path: string, upstreams: Upstreams): string | null {
  if (!path.startsWith('/v1/')) return null;
  if (method === 'GET' && USERS_LIST.test(path)) return upstreams.projections;
  if (method === 'POST' && path === '/v1/read-models/rebuild') return upstreams.projections;
  return upstreams.users;
}

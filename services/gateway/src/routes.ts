/**
 * Where each request goes: the users list (a read model) to projections, the roles catalog and a user's
 * roles to roles, a user's access controls and API keys to access-control, every other API route to users.
 */
export interface Upstreams {
  readonly users: string;
  readonly roles: string;
  readonly projections: string;
  readonly access: string;
}

const USERS_LIST = /^\/v1\/accounts\/[^/]+\/users\/?$/;
const ROLES = /^\/v1\/accounts\/[^/]+\/(users\/[^/]+\/)?roles(\/|$)/;
const ACCESS = /^\/v1\/accounts\/[^/]+\/users\/[^/]+\/(access-controls|api-keys)(\/|$)/;

export function upstreamFor(method: string, path: string, upstreams: Upstreams): string | null {
  if (!path.startsWith('/v1/')) return null;
  if (method === 'GET' && USERS_LIST.test(path)) return upstreams.projections;
  if (ROLES.test(path)) return upstreams.roles;
  if (ACCESS.test(path)) return upstreams.access;
  return upstreams.users;
}

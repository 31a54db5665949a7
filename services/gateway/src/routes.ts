/**
 * Where each request goes: the users list (a read model) to projections, the roles catalog and a user's
 * roles to roles, invites (and their public acceptance) to invites, every other API route to users.
 */
export interface Upstreams {
  readonly users: string;
  readonly roles: string;
  readonly projections: string;
  readonly invites: string;
}

const USERS_LIST = /^\/v1\/accounts\/[^/]+\/users\/?$/;
const ROLES = /^\/v1\/accounts\/[^/]+\/(users\/[^/]+\/)?roles(\/|$)/;
const INVITES = /^\/v1\/(accounts\/[^/]+\/(invites|invite-settings)|invite-acceptances)(\/|$)/;

export function upstreamFor(method: string, path: string, upstreams: Upstreams): string | null {
  if (!path.startsWith('/v1/')) return null;
  if (method === 'GET' && USERS_LIST.test(path)) return upstreams.projections;
  if (ROLES.test(path)) return upstreams.roles;
  if (INVITES.test(path)) return upstreams.invites;
  return upstreams.users;
}

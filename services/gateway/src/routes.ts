/**
 * Where each request goes: the read-model routes (users list, its CSV export, the invites list, rebuilds)
 * and the event history to projections, the roles catalog and a user's roles to roles, the rest of invites (and their public
 * acceptance) to invites, a user's access controls, refusals and API keys and the access check for platform
 * services to access-control, every other API route to users.
 */
export interface Upstreams<T = string> {
  readonly users: T;
  readonly roles: T;
  readonly projections: T;
  readonly invites: T;
  readonly access: T;
}

const USERS_LIST = /^\/v1\/accounts\/[^/]+\/users(\/|\/export\.csv)?$/;
const INVITES_LIST = /^\/v1\/accounts\/[^/]+\/invites\/?$/;
const HISTORY = /^\/v1\/accounts\/[^/]+\/(events|streams\/[^/]+\/events)\/?$/;
const ROLES = /^\/v1\/accounts\/[^/]+\/(users\/[^/]+\/)?roles(\/|$)/;
const INVITES = /^\/v1\/(accounts\/[^/]+\/(invites|invite-settings)|invite-acceptances)(\/|$)/;
const ACCESS =
  /^\/v1\/(accounts\/[^/]+\/users\/[^/]+\/(access-controls|access-refusals|api-keys)(\/|$)|access\/check(\/nginx)?$)/;

/** The pages emailed links open: the invite's to invites; the password pages fall to users. */
const INVITE_PAGE = /^\/accept-invite\/?$/;

export function upstreamFor<T>(method: string, path: string, upstreams: Upstreams<T>): T | null {
  if (INVITE_PAGE.test(path)) return upstreams.invites;
  if (!path.startsWith('/v1/')) return null;
  if (method === 'GET' && (USERS_LIST.test(path) || INVITES_LIST.test(path) || HISTORY.test(path)))
    return upstreams.projections;
  if (method === 'POST' && path === '/v1/read-models/rebuild') return upstreams.projections;
  if (ROLES.test(path)) return upstreams.roles;
  if (INVITES.test(path)) return upstreams.invites;
  if (ACCESS.test(path)) return upstreams.access;
  return upstreams.users;
}

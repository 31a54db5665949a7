import { upstreamFor } from './routes';

const upstreams = {
  users: 'http://users',
  roles: 'http://roles',
  projections: 'http://projections',
  invites: 'http://invites',
  access: 'http://access',
};

describe('gateway routes', () => {
  it.each([
    ['GET', '/v1/accounts/a1/users', 'http://projections'],
    ['GET', '/v1/accounts/a1/users/', 'http://projections'],
    ['GET', '/v1/accounts/a1/users/export.csv', 'http://projections'],
    ['GET', '/v1/accounts/a1/users/export.csvx', 'http://users'],
    ['POST', '/v1/accounts/a1/users/export.csv', 'http://users'],
    ['POST', '/v1/read-models/rebuild', 'http://projections'],
    ['GET', '/v1/accounts/a1/events', 'http://projections'],
    ['GET', '/v1/accounts/a1/streams/user-u1/events', 'http://projections'],
    ['GET', '/v1/accounts/a1/eventsx', 'http://users'],
    ['GET', '/v1/accounts/a1/streams/user-u1/events/x', 'http://users'],
    ['POST', '/v1/accounts/a1/users', 'http://users'],
    ['GET', '/v1/accounts/a1/users/u1', 'http://users'],
    ['GET', '/v1/accounts/a1/users/u1/roles', 'http://roles'],
    ['PUT', '/v1/accounts/a1/users/u1/roles/support', 'http://roles'],
    ['GET', '/v1/accounts/a1/roles', 'http://roles'],
    ['POST', '/v1/accounts/a1/roles', 'http://roles'],
    ['GET', '/v1/accounts/a1/roles/custom-1', 'http://roles'],
    ['GET', '/v1/accounts/a1/rolesx', 'http://users'],
    ['GET', '/v1/accounts/a1/users/u1/rolesx', 'http://users'],
    ['GET', '/v1/accounts/a1/users/u1/access-controls', 'http://access'],
    ['PUT', '/v1/accounts/a1/users/u1/access-controls/ip-safelist', 'http://access'],
    ['POST', '/v1/accounts/a1/users/u1/access-controls/ip-safelist/current-ip', 'http://access'],
    ['GET', '/v1/accounts/a1/users/u1/access-refusals', 'http://access'],
    ['GET', '/v1/accounts/a1/users/u1/api-keys', 'http://access'],
    ['DELETE', '/v1/accounts/a1/users/u1/api-keys/k1', 'http://access'],
    ['GET', '/v1/accounts/a1/users/u1/access-controlsx', 'http://users'],
    ['GET', '/v1/accounts/a1/access-controls', 'http://users'],
    ['POST', '/v1/access/check', 'http://access'],
    ['GET', '/v1/access/check/nginx', 'http://access'],
    ['GET', '/v1/access/checkx', 'http://users'],
    ['GET', '/v1/access/check/nginx/x', 'http://users'],
    ['POST', '/v1/sessions', 'http://users'],
    ['POST', '/v1/accounts', 'http://users'],
    ['GET', '/v1/accounts/a1/settings', 'http://users'],
    ['POST', '/v1/accounts/a1/invites', 'http://invites'],
    ['GET', '/v1/accounts/a1/invites', 'http://projections'],
    ['GET', '/v1/accounts/a1/invites/', 'http://projections'],
    ['POST', '/v1/accounts/a1/invites/i1/resend', 'http://invites'],
    ['PUT', '/v1/accounts/a1/invite-settings', 'http://invites'],
    ['POST', '/v1/invite-acceptances', 'http://invites'],
    ['GET', '/v1/accounts/a1/invitesx', 'http://users'],
    ['GET', '/accept-invite', 'http://invites'],
    ['POST', '/accept-invite', 'http://invites'],
  ])('sends %s %s to %s', (method, path, expected) => {
    expect(upstreamFor(method, path, upstreams)).toBe(expected);
  });

  it('routes nothing outside the API but the invite page; the password pages fall to users', () => {
    expect(upstreamFor('GET', '/docs', upstreams)).toBeNull();
    expect(upstreamFor('GET', '/reset-password', upstreams)).toBeNull();
    expect(upstreamFor('GET', '/accept-invitex', upstreams)).toBeNull();
    expect(upstreamFor('GET', '/v1', upstreams)).toBeNull();
    expect(upstreamFor('POST', '/internal/v1/accounts/a1/invited-users', upstreams)).toBeNull();
  });
});

import { BODY_LIMITS, bodyLimitFor } from './body-limits';

describe('bodyLimitFor', () => {
  const routes = [{ method: 'POST', path: /^\/v1\/sessions\/?$/, bytes: 4096 }];

  it('holds a listed route to its own limit', () => {
    expect(bodyLimitFor(routes, 'POST', '/v1/sessions')).toBe(4096);
  });

  it('holds any other method or path to the command limit', () => {
    expect(bodyLimitFor(routes, 'DELETE', '/v1/sessions')).toBe(BODY_LIMITS.commandBytes);
    expect(bodyLimitFor(routes, 'POST', '/v1/sessions/current')).toBe(BODY_LIMITS.commandBytes);
  });
});

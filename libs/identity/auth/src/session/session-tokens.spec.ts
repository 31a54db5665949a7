import { SessionTokens } from './session-tokens';

describe('session tokens', () => {
  const tokens = new SessionTokens('k'.repeat(32));

  it('parses a token it issued', () => {
    expect(tokens.parse(tokens.issue('u1', 's1'))).toEqual({ userId: 'u1', sessionId: 's1' });
  });
  it('refuses a token whose user was swapped', () => {
    const [prefix, , session, mac] = tokens.issue('u1', 's1').split('.');
    expect(tokens.parse([prefix, 'u2', session, mac].join('.'))).toBeNull();
  });
  it('refuses a token signed with another key', () => {
    expect(tokens.parse(new SessionTokens('x'.repeat(32)).issue('u1', 's1'))).toBeNull();
  });
  it('refuses malformed tokens', () => {
    for (const token of ['', 'ghs', 'ghs.u1.s1', 'abc.u1.s1.mac', 'ghs.u1.s1.mac.extra']) {
      expect(tokens.parse(token)).toBeNull();
    }
  });
});

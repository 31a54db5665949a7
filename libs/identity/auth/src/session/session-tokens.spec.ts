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

  it('checks the MAC of a token once, and of a forged one every time', () => {
    const fresh = new SessionTokens('k'.repeat(32));
    const token = fresh.issue('u1', 's1');
    const [prefix, , session, mac] = token.split('.');
    const forged = [prefix, 'u2', session, mac].join('.');
    // The private method that makes the HMAC: counting its calls is the only outside view of a memo.
    const hmac = jest.spyOn(SessionTokens.prototype as unknown as { mac: () => string }, 'mac');
    try {
      for (let i = 0; i < 3; i++) {
        expect(fresh.parse(token)).toEqual({ userId: 'u1', sessionId: 's1' });
        expect(fresh.parse(forged)).toBeNull();
      }
      expect(hmac).toHaveBeenCalledTimes(1 + 3);
    } finally {
      hmac.mockRestore();
    }
  });
});

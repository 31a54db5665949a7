import { VerifiedPasswords } from './verified-passwords';

const at = { user: 3, access: 1 };

describe('remembered password verifications', () => {
  it('hold for the same password at the same stream versions', () => {
    const verified = new VerifiedPasswords();
    verified.remember('u1', 'secret', at);
    expect(verified.has('u1', 'secret', at)).toBe(true);
    expect(verified.has('u1', 'other', at)).toBe(false);
    expect(verified.has('u2', 'secret', at)).toBe(false);
  });
  it("end with any later event on the user's or their access controls' stream", () => {
    const verified = new VerifiedPasswords();
    verified.remember('u1', 'secret', at);
    expect(verified.has('u1', 'secret', { ...at, user: 4 })).toBe(false);
    expect(verified.has('u1', 'secret', { ...at, access: 2 })).toBe(false);
  });
  it('keep no password, and only the newest entries past their bound', () => {
    const verified = new VerifiedPasswords(2);
    verified.remember('u1', 'secret-1', at);
    verified.remember('u2', 'secret-2', at);
    verified.remember('u3', 'secret-3', at);
    expect(verified.has('u1', 'secret-1', at)).toBe(false);
    expect(verified.has('u3', 'secret-3', at)).toBe(true);
    expect(
      JSON.stringify([...(verified as unknown as { entries: Map<string, string> }).entries]),
    ).not.toMatch(/secret/);
  });
});

import { apiKeyHash, mintApiKey, wellFormedApiKey } from './api-key-format';

describe('API keys as handed out', () => {
  it('carry the ghk_ prefix, 36 base62 characters and a prefix to tell them apart', () => {
    const { key, prefix, hash } = mintApiKey();
    expect(key).toMatch(/^ghk_[0-9A-Za-z]{36}$/);
    expect(prefix).toBe(key.slice(0, 8));
    expect(hash).toBe(apiKeyHash(key));
    expect(hash).not.toContain(key.slice(4));
  });
  it('pass their own checksum, and differ every time', () => {
    const keys = Array.from({ length: 200 }, () => mintApiKey().key);
    expect(keys.every(wellFormedApiKey)).toBe(true);
    expect(new Set(keys).size).toBe(keys.length);
  });
  it('fail the checksum when a character is changed', () => {
    const { key } = mintApiKey();
    const typo = key.slice(0, 10) + (key[10] === 'a' ? 'b' : 'a') + key.slice(11);
    expect(wellFormedApiKey(typo)).toBe(false);
  });
  it('refuse other shapes', () => {
    const { key } = mintApiKey();
    expect(wellFormedApiKey(key.slice(0, -1))).toBe(false);
    expect(wellFormedApiKey(`${key}x`)).toBe(false);
    expect(wellFormedApiKey(key.replace('ghk_', 'ghp_'))).toBe(false);
    expect(wellFormedApiKey(`${key.slice(0, 20)}-${key.slice(21)}`)).toBe(false);
  });
});

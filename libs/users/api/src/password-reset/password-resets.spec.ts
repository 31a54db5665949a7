import { InMemorySecretStore } from '@gatehouse/secrets';
import { PasswordResets } from './password-resets';

const userId = '0190a000-0000-7000-8000-000000000001';

describe('password reset tokens', () => {
  let secrets: InMemorySecretStore;
  let resets: PasswordResets;
  beforeEach(() => {
    secrets = new InMemorySecretStore();
    resets = new PasswordResets(secrets);
  });

  it('redeems a token it issued to its user and reset', async () => {
    const token = await resets.issue(userId, 'r1', '2025-01-01T01:00:00.000Z');
    expect(await resets.redeem(token)).toEqual({ userId, resetId: 'r1' });
  });
  it('stores only a hash of the token, never the token', async () => {
    const token = await resets.issue(userId, 'r1', '2025-01-01T01:00:00.000Z');
    const stored = (await secrets.get(`password-reset:${userId}`)) ?? '';
    expect(stored).not.toContain(token.split('.')[1]);
    expect(JSON.parse(stored)).toEqual({
      resetId: 'r1',
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      expiresAt: '2025-01-01T01:00:00.000Z',
    });
  });
  it('refuses a token once consumed', async () => {
    const token = await resets.issue(userId, 'r1', '2025-01-01T01:00:00.000Z');
    await resets.consume(userId);
    expect(await resets.redeem(token)).toBeNull();
  });
  it('refuses a token replaced by a newer one', async () => {
    const first = await resets.issue(userId, 'r1', '2025-01-01T01:00:00.000Z');
    await resets.issue(userId, 'r2', '2025-01-01T02:00:00.000Z');
    expect(await resets.redeem(first)).toBeNull();
  });
  it('refuses malformed and forged tokens', async () => {
    const token = await resets.issue(userId, 'r1', '2025-01-01T01:00:00.000Z');
    const forged = `${userId}.${'A'.repeat(43)}`;
    for (const bad of ['', 'abc', `${userId}.`, forged, `${token}x`])
      expect(await resets.redeem(bad)).toBeNull();
  });
});

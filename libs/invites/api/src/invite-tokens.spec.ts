import { InMemorySecretStore } from '@gatehouse/secrets';
import { InviteTokens } from './invite-tokens';

const inviteId = '0190a000-0000-7000-8000-000000000001';

describe('invite tokens', () => {
  let secrets: InMemorySecretStore;
  let tokens: InviteTokens;
  beforeEach(() => {
    secrets = new InMemorySecretStore();
    tokens = new InviteTokens(secrets);
  });

  it('redeems a token it issued to its invite and send', async () => {
    const token = await tokens.issue(inviteId, 's1');
    expect(await tokens.redeem(token)).toEqual({ inviteId, sendId: 's1' });
  });
  it('carries 256 random bits and stores only their hash', async () => {
    const token = await tokens.issue(inviteId, 's1');
    const secret = token.split('.')[1];
    expect(Buffer.from(secret, 'base64url')).toHaveLength(32);
    const stored = (await secrets.get(`invite-token:${inviteId}`)) ?? '';
    expect(stored).not.toContain(secret);
    expect(JSON.parse(stored)).toEqual({ sendId: 's1', hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });
  it('refuses a token replaced by a resend', async () => {
    const first = await tokens.issue(inviteId, 's1');
    await tokens.issue(inviteId, 's2');
    expect(await tokens.redeem(first)).toBeNull();
  });
  it('refuses a token once consumed', async () => {
    const token = await tokens.issue(inviteId, 's1');
    await tokens.consume(inviteId);
    expect(await tokens.redeem(token)).toBeNull();
  });
  it('refuses malformed and forged tokens', async () => {
    const token = await tokens.issue(inviteId, 's1');
    for (const bad of ['', 'abc', `${inviteId}.`, `${inviteId}.${'A'.repeat(43)}`, `${token}x`]) {
      expect(await tokens.redeem(bad)).toBeNull();
    }
  });
});

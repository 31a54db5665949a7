import { newUserBody, openAccount, type OpenedAccount } from './scenario';
import { type LifecycleStack, type Member, newMember, problemOf } from './user-lifecycle.kit';

interface SignInSettings {
  twoFactor: { channel: string | null; failover: string[] };
  mobileDevices: { deviceId: string; name: string; platform: string; registeredAt: string }[];
}
interface Device {
  deviceId: string;
  name: string;
  platform: string;
  registeredAt: string;
}

/**
 * The access controls of signing in, end to end in both runtime modes (product page: "Channel selection
 * for 2FA" and "Mobile authentication"): the preferred 2FA channel, set by the user or an Account admin,
 * and the mobile devices a user registers from their own app and they or an admin remove.
 */
export function signInSettingsScenarios(stack: () => LifecycleStack): void {
  describe('sign-in access controls', () => {
    let account: OpenedAccount;
    let member: Member;
    let manager: Member;
    const access = (userId: string) => `/v1/accounts/${account.accountId}/users/${userId}/access-controls`;

    beforeAll(async () => {
      account = await openAccount(stack().users, stack().operatorToken);
      member = await newMember(stack(), account);
      manager = await newMember(stack(), account);
      const granted = await account.admin.request(
        'PUT',
        `/v1/accounts/${account.accountId}/users/${manager.userId}/roles/user-manager`,
        { enabled: true },
      );
      expect(granted.status).toBe(204);
    });

    describe('when a 2FA channel is chosen', () => {
      const select = (client: Member['client'], userId: string, channel: unknown) =>
        client.request<SignInSettings>('PUT', `${access(userId)}/two-factor`, { channel });

      it('has none chosen at first, every channel then being a failover', async () => {
        const shown = await member.client.get<SignInSettings>(access(member.userId));
        expect(shown.body.twoFactor).toEqual({ channel: null, failover: ['sms', 'voice', 'email'] });
      });
      it('refuses SMS or voice while the user has no mobile number, naming the field', async () => {
        const refused = await select(member.client, member.userId, 'voice');
        expect(problemOf(refused)).toEqual({
          status: 422,
          code: 'TWO_FACTOR_NEEDS_MOBILE',
          fields: ['channel'],
        });
        const contactInfo = `/v1/accounts/${account.accountId}/users/${member.userId}/contact-info`;
        const given = await member.client.request('PUT', contactInfo, {
          email: member.email,
          mobile: '+447700900123',
        });
        expect(given.status).toBe(204);
      });
      it('lets users choose their own, the others staying the failover, and counts one change', async () => {
        const before = await member.client.get(access(member.userId));
        const chosen = await select(member.client, member.userId, 'voice');
        expect(chosen.status).toBe(200);
        expect(chosen.body.twoFactor).toEqual({ channel: 'voice', failover: ['sms', 'email'] });
        const version = (etag: string | null) => Number(JSON.parse(etag ?? '"0"'));
        expect(version(chosen.headers.get('etag'))).toBe(version(before.headers.get('etag')) + 1);
        // The same choice again records nothing.
        const again = await select(member.client, member.userId, 'voice');
        expect(again.headers.get('etag')).toBe(chosen.headers.get('etag'));
      });
      it("lets an Account admin choose another user's, not a user manager", async () => {
        expect(problemOf(await select(manager.client, member.userId, 'email'))).toMatchObject({
          status: 403,
          code: 'PERMISSION_REQUIRED',
        });
        const chosen = await select(account.admin, member.userId, 'email');
        expect(chosen.body.twoFactor.channel).toBe('email');
        const shown = await member.client.get<SignInSettings>(access(member.userId));
        expect(shown.body.twoFactor).toEqual({ channel: 'email', failover: ['sms', 'voice'] });
      });
      it('refuses a channel it does not know, naming the field', async () => {
        for (const channel of ['fax', 'SMS', null, 3]) {
          const refused = await select(member.client, member.userId, channel);
          expect(problemOf(refused)).toMatchObject({ status: 400, fields: ['channel'] });
        }
      });
    });

    describe('when mobile devices are registered', () => {
      const devices = (userId: string) => `${access(userId)}/mobile-devices`;
      const register = (client: Member['client'], userId: string, body: Record<string, unknown>) =>
        client.post<Device>(devices(userId), body);

      it('registers a device from the user themselves and lists it in their access controls', async () => {
        const registered = await register(member.client, member.userId, {
          name: ' Work phone ',
          platform: 'ios',
        });
        expect(registered.status).toBe(201);
        expect(registered.body).toEqual({
          deviceId: expect.stringMatching(/^[0-9a-f-]{36}$/),
          name: 'Work phone',
          platform: 'ios',
          registeredAt: expect.any(String),
        });
        const shown = await account.admin.get<SignInSettings>(access(member.userId));
        expect(shown.body.mobileDevices).toEqual([registered.body]);
      });
      it('refuses a second device of the same name, ignoring case', async () => {
        const refused = await register(member.client, member.userId, {
          name: 'WORK PHONE',
          platform: 'android',
        });
        expect(problemOf(refused)).toEqual({
          status: 409,
          code: 'MOBILE_DEVICE_NAME_TAKEN',
          fields: ['name'],
        });
      });
      it('refuses to register a device for somebody else, even for an Account admin', async () => {
        const refused = await register(account.admin, member.userId, { name: 'Tablet', platform: 'android' });
        expect(problemOf(refused)).toMatchObject({ status: 403, code: 'MOBILE_DEVICE_SELF_ONLY' });
      });
      it('refuses a bad platform or name, naming the field', async () => {
        const platform = await register(member.client, member.userId, {
          name: 'Tablet',
          platform: 'symbian',
        });
        expect(problemOf(platform)).toMatchObject({ status: 400, fields: ['platform'] });
        const blank = await register(member.client, member.userId, { name: '   ', platform: 'android' });
        expect(problemOf(blank)).toEqual({
          status: 422,
          code: 'MOBILE_DEVICE_NAME_INVALID',
          fields: ['name'],
        });
      });
      it('lets an Account admin remove a lost device, not a user manager, and only once', async () => {
        const registered = await register(member.client, member.userId, {
          name: 'Old phone',
          platform: 'android',
        });
        const path = `${devices(member.userId)}/${registered.body.deviceId}`;
        expect(problemOf(await manager.client.delete(path))).toMatchObject({ status: 403 });
        expect((await account.admin.delete(path)).status).toBe(204);
        const shown = await member.client.get<SignInSettings>(access(member.userId));
        expect(shown.body.mobileDevices.map((device) => device.name)).toEqual(['Work phone']);
        expect(problemOf(await account.admin.delete(path))).toEqual({
          status: 404,
          code: 'MOBILE_DEVICE_NOT_FOUND',
          fields: ['deviceId'],
        });
      });
      it("hides another account's user as not found", async () => {
        const other = await openAccount(stack().users, stack().operatorToken);
        const stranger = await other.admin.post<{ userId: string }>(
          `/v1/accounts/${other.accountId}/users`,
          newUserBody(),
        );
        const path = `/v1/accounts/${account.accountId}/users/${stranger.body.userId}/access-controls`;
        expect((await account.admin.request('PUT', `${path}/two-factor`, { channel: 'sms' })).status).toBe(
          404,
        );
      });
    });
  });
}

import { Controller, Get, Global, type INestApplication, Module, Req } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { accessStreamId, userStreamId } from '@gatehouse/contracts';
import { EventStore, InMemoryEventStore, NO_STREAM } from '@gatehouse/event-store';
import { configureHttpApp, httpAdapter } from '@gatehouse/http';
import { InMemorySecretStore, SecretStore } from '@gatehouse/secrets';
import { newTestEvent } from '@gatehouse/testing';
import type { FastifyRequest } from 'fastify';
import type { AddressInfo } from 'node:net';
import { IDENTITY_CONFIG, identityConfig } from './identity-config';
import { IdentityModule } from './identity.module';
import { SessionTokens } from './session/session-tokens';

const sessionKey = 'k'.repeat(32);
const hashing = { memoryKiB: 7168, timeCost: 5, parallelism: 1, concurrency: 1 };

@Controller('whoami')
class WhoAmIController {
  @Get()
  ip(@Req() request: FastifyRequest): { ip: string } {
    return { ip: request.ip ?? '' };
  }
}

/**
 * The edge over real sockets on a dual-stack listener (`::`), as the identity lib enforces it in every
 * service: IPv4 clients arrive IPv4-mapped (`::ffff:127.0.0.1`) and must match IPv4 entries, IPv6 clients
 * (`::1`) match IPv6 entries only, and X-Forwarded-For counts only from a trusted proxy.
 */
describe('the client address at the edge', () => {
  const store = new InMemoryEventStore();
  const token = new SessionTokens(sessionKey).issue('u1', 's1');
  let app: INestApplication;
  let port: number;

  async function start(trusted: readonly string[]): Promise<void> {
    // What a service module binds, globally, for the identity lib to use.
    @Global()
    @Module({
      providers: [
        { provide: EventStore, useValue: store },
        { provide: SecretStore, useValue: new InMemorySecretStore() },
        ...identityConfig({ sessionKey, reservationKey: sessionKey }, hashing),
      ],
      exports: [EventStore, SecretStore, ...IDENTITY_CONFIG],
    })
    class Bindings {}
    const module = await Test.createTestingModule({
      imports: [Bindings, IdentityModule],
      controllers: [WhoAmIController],
    }).compile();
    app = module.createNestApplication(httpAdapter({ trustedProxies: trusted }), { logger: ['error'] });
    configureHttpApp(app, 'edge');
    await app.listen(0, '::');
    port = (app.getHttpServer().address() as AddressInfo).port;
  }

  const call = async (host: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`http://${host}:${port}/whoami`, {
      headers: { authorization: `Bearer ${token}`, ...headers },
    });
    return { status: response.status, body: (await response.json()) as { ip?: string; code?: string } };
  };
  let version = -1;
  const safelist = async (...addresses: string[]) => {
    const after = addresses.map((address) => ({ address, label: null }));
    const event = { type: 'IpSafelistChanged', data: { userId: 'u1', actor: 'a', before: [], after } };
    await store.append(
      accessStreamId('u1'),
      [newTestEvent({ ...event, accountId: 'a1' })],
      version < 0 ? NO_STREAM : version,
    );
    version++;
  };

  beforeAll(async () => {
    const created = { userId: 'u1', accountId: 'a1' };
    await store.append(
      userStreamId('u1'),
      [
        newTestEvent({ type: 'UserCreated', accountId: 'a1', data: created }),
        newTestEvent({
          type: 'UserLoginSucceeded',
          accountId: 'a1',
          data: {
            userId: 'u1',
            sessionId: 's1',
            ip: '127.0.0.1',
            channel: 'password',
            // Sessions end by the account's policy, judged from when they started.
            at: new Date().toISOString(),
          },
        }),
      ],
      NO_STREAM,
    );
  });
  afterEach(async () => {
    await app.close();
  });

  describe('when no proxy is trusted (embedded mode)', () => {
    beforeEach(() => start([]));

    it('matches an IPv4-mapped IPv4 client against an IPv4 entry', async () => {
      await safelist('127.0.0.1');
      expect(await call('127.0.0.1')).toEqual({ status: 200, body: { ip: '::ffff:127.0.0.1' } });
      expect((await call('[::1]')).body.code).toBe('IP_NOT_ALLOWED');
    });
    it('matches an IPv6 client against IPv6 entries only', async () => {
      await safelist('::1', '0.0.0.0/0');
      expect((await call('[::1]')).status).toBe(200);
      await safelist('0.0.0.0/0');
      expect((await call('[::1]')).body.code).toBe('IP_NOT_ALLOWED');
    });
    it('ignores X-Forwarded-For', async () => {
      await safelist('203.0.113.7');
      expect((await call('127.0.0.1', { 'x-forwarded-for': '203.0.113.7' })).body.code).toBe(
        'IP_NOT_ALLOWED',
      );
    });
  });

  describe('when the loopback proxy is trusted (distributed mode)', () => {
    beforeEach(() => start(['loopback']));

    it("takes the client from the proxy's X-Forwarded-For, walked right to left", async () => {
      await safelist('203.0.113.7');
      expect(await call('127.0.0.1', { 'x-forwarded-for': '203.0.113.7' })).toEqual({
        status: 200,
        body: { ip: '203.0.113.7' },
      });
      // A client-supplied leftmost hop is passed over: only the address the proxy appended counts.
      expect((await call('[::1]', { 'x-forwarded-for': '203.0.113.7, 198.51.100.9' })).body.code).toBe(
        'IP_NOT_ALLOWED',
      );
    });
  });
});

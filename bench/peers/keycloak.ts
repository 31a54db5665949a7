import { KeepAliveClient } from '../http-client';
import { expectStatus, PASSWORD, type PeerSystem, person } from './peer-system';
import { keycloakAdmin as ADMIN } from './servers';

const REALM = 'peer';
const CLIENT = 'peer-cli';

/**
 * Keycloak's admin REST API and OIDC password grant, as the shared harness drives them (peer-bench.mjs):
 * realm `peer` recreated per run with brute-force detection on (failure factor 5), a public client with
 * direct grants; the admin token (60 s) is refreshed at half its life, outside the timed request.
 */
export class Keycloak implements PeerSystem {
  readonly name = 'keycloak';
  private readonly http: KeepAliveClient;
  private token = '';
  private tokenAt = 0;
  private refreshing: Promise<void> | null = null;

  constructor(
    baseUrl: string,
    private readonly jvmPid: number,
  ) {
    this.http = new KeepAliveClient(baseUrl, null);
  }

  readonly pids = () => [this.jvmPid];

  async setup(): Promise<void> {
    const existing = await this.admin('GET', `/realms/${REALM}`);
    if (existing.status === 200)
      expectStatus(await this.admin('DELETE', `/realms/${REALM}`), [204], 'drop realm');
    const realm = {
      realm: REALM,
      enabled: true,
      bruteForceProtected: true,
      permanentLockout: false,
      failureFactor: 5,
    };
    expectStatus(await this.admin('POST', '/realms', realm), [201], 'create realm');
    const client = {
      clientId: CLIENT,
      enabled: true,
      protocol: 'openid-connect',
      publicClient: true,
      directAccessGrantsEnabled: true,
      standardFlowEnabled: false,
    };
    expectStatus(await this.admin('POST', `/realms/${REALM}/clients`, client), [201], 'create client');
  }

  async createUser(n: number, password?: string): Promise<string> {
    const representation: Record<string, unknown> = { ...person(n), enabled: true, emailVerified: true };
    if (password) representation['credentials'] = [{ type: 'password', value: password, temporary: false }];
    const answer = await this.admin('POST', `/realms/${REALM}/users`, representation);
    expectStatus(answer, [201], 'create user');
    return String(answer.headers['location']).split('/').pop() as string;
  }

  async updateLastName(id: string, n: number, lastName: string): Promise<void> {
    // PUT replaces the representation: send what the user was created with.
    const body = { ...person(n), lastName, enabled: true, emailVerified: true };
    expectStatus(await this.admin('PUT', `/realms/${REALM}/users/${id}`, body), [204], 'update user');
  }

  async deleteUser(id: string): Promise<void> {
    expectStatus(await this.admin('DELETE', `/realms/${REALM}/users/${id}`), [204], 'delete user');
  }

  async getUser(id: string): Promise<void> {
    expectStatus(await this.admin('GET', `/realms/${REALM}/users/${id}`), [200], 'get user');
  }

  async firstPage(): Promise<void> {
    const answer = await this.admin('GET', `/realms/${REALM}/users?first=0&max=50`);
    expectStatus(answer, [200], 'first page');
    const rows = JSON.parse(answer.text) as unknown[];
    if (rows.length !== 50) expectStatus({ status: 0, text: `${rows.length} users` }, [], 'first page of 50');
  }

  async userWithPassword(n: number): Promise<string> {
    await this.createUser(n, PASSWORD);
    return person(n).username;
  }

  async login(username: string): Promise<void> {
    const form = { grant_type: 'password', client_id: CLIENT, username, password: PASSWORD };
    const answer = await this.http.request('POST', `/realms/${REALM}/protocol/openid-connect/token`, {
      form,
      token: null,
    });
    expectStatus(answer, [200], 'login');
  }

  close(): void {
    this.http.close();
  }

  private async admin(method: string, path: string, json?: unknown) {
    if (Date.now() - this.tokenAt > 30_000) await this.refreshToken();
    return this.http.request(method, `/admin${path}`, { json, token: this.token });
  }

  private refreshToken(): Promise<void> {
    this.refreshing ??= (async () => {
      const form = { grant_type: 'password', client_id: 'admin-cli', ...ADMIN };
      const answer = await this.http.request('POST', '/realms/master/protocol/openid-connect/token', {
        form,
        token: null,
      });
      expectStatus(answer, [200], 'admin token');
      this.token = (JSON.parse(answer.text) as { access_token: string }).access_token;
      this.tokenAt = Date.now();
    })().finally(() => (this.refreshing = null));
    return this.refreshing;
  }
}

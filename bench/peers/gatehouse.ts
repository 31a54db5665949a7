import { readOutbox } from '@gatehouse/notifications';
import { KeepAliveClient } from '../http-client';
import { expectStatus, PASSWORD, type PeerSystem, person } from './peer-system';

export interface GatehouseProcess {
  readonly name: string;
  readonly baseUrl: string;
  readonly operatorToken: string;
  /** Where the users and invites services write their emails (file outbox). */
  readonly outboxDir: string;
  readonly processes: () => readonly { readonly pid: number; readonly service: string }[];
}

const LOCALE = { language: 'en', timeZone: 'Europe/London' };

/**
 * Gatehouse's /v1 API under the harness's workload definitions. Users get a password by the product's
 * own path: an invite (its email lands in the file outbox) accepted with a username and password.
 */
export class Gatehouse implements PeerSystem {
  readonly name: string;
  readonly pids: () => readonly number[];
  private readonly http: KeepAliveClient;
  private accountId = '';
  private adminToken = '';

  constructor(private readonly process: GatehouseProcess) {
    this.name = process.name;
    this.pids = () => process.processes().map(({ pid }) => pid);
    this.http = new KeepAliveClient(process.baseUrl, null);
  }

  async setup(): Promise<void> {
    const admin = { ...person(-1), password: PASSWORD, ...LOCALE };
    const opened = await this.http.request('POST', '/v1/accounts', {
      json: { name: `peer-bench ${admin.username}`, admin },
      token: this.process.operatorToken,
    });
    expectStatus(opened, [201], 'open account');
    this.accountId = (JSON.parse(opened.text) as { accountId: string }).accountId;
    const session = await this.http.request('POST', '/v1/sessions', {
      json: { username: admin.username, password: PASSWORD },
    });
    expectStatus(session, [201], 'admin login');
    this.adminToken = (JSON.parse(session.text) as { token: string }).token;
  }

  async createUser(n: number): Promise<string> {
    const answer = await this.admin('POST', '/users', { ...person(n), ...LOCALE });
    expectStatus(answer, [201], 'create user');
    return (JSON.parse(answer.text) as { userId: string }).userId;
  }

  async updateLastName(id: string, _n: number, lastName: string): Promise<void> {
    expectStatus(await this.admin('PATCH', `/users/${id}`, { lastName }), [204], 'update user');
  }

  async deleteUser(id: string): Promise<void> {
    expectStatus(await this.admin('POST', `/users/${id}/deletion-request`), [202], 'deletion request');
  }

  async getUser(id: string): Promise<void> {
    expectStatus(await this.admin('GET', `/users/${id}`), [200], 'get user');
  }

  async firstPage(): Promise<void> {
    const answer = await this.admin('GET', '/users?limit=50');
    expectStatus(answer, [200], 'first page');
    const rows = (JSON.parse(answer.text) as { items: unknown[] }).items;
    if (rows.length !== 50) expectStatus({ status: 0, text: `${rows.length} users` }, [], 'first page of 50');
  }

  async userWithPassword(n: number): Promise<string> {
    const { username, email, firstName, lastName } = person(n);
    expectStatus(
      await this.admin('POST', '/invites', { email, ...LOCALE, roles: ['developer'] }),
      [201],
      'invite',
    );
    const token = await this.inviteToken(email);
    const accepted = await this.http.request('POST', '/v1/invite-acceptances', {
      json: { token, firstName, lastName, username, password: PASSWORD },
    });
    expectStatus(accepted, [201], 'accept invite');
    return username;
  }

  async login(username: string): Promise<void> {
    const answer = await this.http.request('POST', '/v1/sessions', {
      json: { username, password: PASSWORD },
    });
    expectStatus(answer, [201], 'login');
  }

  close(): void {
    this.http.close();
  }

  private admin(method: string, path: string, json?: unknown) {
    return this.http.request(method, `/v1/accounts/${this.accountId}${path}`, {
      json,
      token: this.adminToken,
    });
  }

  /** The invite email is a reaction to the stored invite: poll the outbox for it. */
  private async inviteToken(email: string): Promise<string> {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      for (const message of await readOutbox(this.process.outboxDir)) {
        const token = /[#?&]token=([A-Za-z0-9_.-]+)/.exec(message.text)?.[1];
        if (message.to === email && message.template === 'invite' && token) return token;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`no invite email to ${email} in ${this.process.outboxDir}`);
  }
}

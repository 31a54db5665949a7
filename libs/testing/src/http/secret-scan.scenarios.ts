import { readOutbox } from '@gatehouse/notifications';
import { Client } from 'pg';
import { testEnv } from '../infra/env';
import type { DistributedStack } from '../infra/distributed-stack';
import { readStackTopics } from '../infra/stack-records';
import { ADMIN_PASSWORD } from './scenario';

/** What a secret looks like, whatever test produced it. */
const secretPatterns: Record<string, RegExp> = {
  'argon2 hash': /\$argon2(id|i|d)\$/,
  'API key': /ghk_[0-9A-Za-z]{36}/,
  'session token': /ghs\.[0-9a-f-]{36}\.[0-9a-f-]{36}\.[\w-]{20,}/,
  // Reset and invite tokens alike: `<id>.<256 bits, base64url>`.
  'reset token': /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.[\w-]{43}(?![\w-])/,
  // An Authorization header of HTTP basic authentication: base64 of a username and password (a digit,
  // + or / in it tells it from prose such as "Basic authentication").
  'basic credential': /Basic (?=[A-Za-z0-9+/]*[0-9+/])[A-Za-z0-9+/]{16,}={0,2}/,
  'test password': new RegExp(`Str0ng-[a-z0-9]+!|Wrong-password-\\d|${ADMIN_PASSWORD}`),
};

/** The keys and tokens the services are started with. */
const CONFIGURED_SECRETS = [
  'GATEHOUSE_SESSION_KEY',
  'GATEHOUSE_OPERATOR_TOKEN',
  'GATEHOUSE_SERVICE_TOKEN',
  'GATEHOUSE_RESERVATION_KEY',
];

/**
 * Run last, after every scenario of the distributed mode: no password, hash, token or configured key
 * anywhere it must not be — the event store, every Kafka topic (values and headers), every service's log
 * (each line a JSON record, read raw and decoded) and metrics, and the outbox. The one place a reset or invite
 * token may travel is the password-reset or invite email to its own recipient (it is the link).
 */
export function secretScanScenarios(stack: () => DistributedStack): void {
  describe('after every scenario, a scan for secrets', () => {
    let storedSecrets: string[];
    let configuredSecrets: [string, string][];
    beforeAll(async () => {
      // An API key is filed under its hash, with its owner's ids and its last use as the value (not secret).
      // A session's last-seen time is no secret either: an ISO timestamp, which a log line's own
      // timestamp can equal to the millisecond.
      const sql = `SELECT CASE WHEN key LIKE 'api-key%' THEN substr(key, 9) ELSE value END AS value
        FROM gh_secrets WHERE key NOT LIKE 'api-key-last-used:%' AND key NOT LIKE 'session-seen:%'`;
      storedSecrets = (await query(stack(), sql)).map((row) => String(row['value']));
      configuredSecrets = CONFIGURED_SECRETS.map((name) => [name, String(stack().env[name])]);
    });
    const findings = (where: string, texts: readonly string[]): string[] =>
      texts.flatMap((text) => [
        ...Object.entries(secretPatterns)
          .filter(([, pattern]) => pattern.test(text))
          .map(([kind]) => `${kind} in ${where}: ${text.slice(0, 200)}`),
        ...storedSecrets.filter((secret) => text.includes(secret)).map(() => `a stored secret in ${where}`),
        ...configuredSecrets
          .filter(([, secret]) => text.includes(secret))
          .map(([name]) => `${name} in ${where}`),
      ]);

    it('has secrets to look for (the scenarios stored hashes; the services were given keys)', () => {
      expect(storedSecrets.some((value) => /\$argon2id\$/.test(value))).toBe(true);
      expect(configuredSecrets.every(([, secret]) => secret.length >= 16)).toBe(true);
    });

    it('finds none in the event store', async () => {
      const rows = await query(stack(), 'SELECT row_to_json(e)::text AS row FROM gh_events e');
      expect(rows.length).toBeGreaterThan(100);
      expect(
        findings(
          'the event store',
          rows.map((row) => String(row['row'])),
        ),
      ).toEqual([]);
    });

    it('finds none on Kafka', async () => {
      const records = (await readStackTopics(stack().name)).map((record) =>
        [record.value, ...Object.entries(record.headers).map(([name, value]) => `${name}=${value}`)].join(
          '\n',
        ),
      );
      expect(records.length).toBeGreaterThan(100);
      expect(findings('Kafka', records)).toEqual([]);
    });

    it('finds none in the logs of any service, every line a JSON record of that service', () => {
      const { services } = stack();
      expect(services).toEqual(
        expect.arrayContaining([
          'users',
          'roles',
          'invites',
          'access-control',
          'projections',
          'relay',
          'gateway',
        ]),
      );
      for (const service of services) {
        const { records, unstructured } = stack().logRecords(service);
        expect({ service, unstructured }).toEqual({ service, unstructured: [] });
        expect(records.length).toBeGreaterThan(0);
        expect(records.filter((record) => record['service'] !== service)).toEqual([]);
        // The decoded values too: JSON escapes (\", \\, \u…) could hide a secret from the raw text.
        const texts = [stack().logs(service), ...records.map((record) => stringsIn(record).join('\n'))];
        expect(findings(`the log of ${service}`, texts)).toEqual([]);
      }
    });

    it('finds none in the metrics of any service', async () => {
      const { direct, relay } = stack();
      const texts = await Promise.all(
        [direct.users, direct.roles, direct.invites, direct['access-control'], direct.projections, relay].map(
          async (api) => (await api.get<string>('/metrics')).body,
        ),
      );
      expect(texts.join('').length).toBeGreaterThan(0);
      expect(findings('the metrics', texts)).toEqual([]);
    });

    it('finds none in the outbox but the password and invite links sent to their own recipients', async () => {
      const messages = await readOutbox(stack().outboxDir);
      expect(messages.length).toBeGreaterThan(0);
      const linked = new Set(['password-reset', 'set-password', 'invite']);
      const elsewhere = messages.map((message) =>
        linked.has(message.template)
          ? message.text.replace(secretPatterns['reset token'], '<link>')
          : message.text,
      );
      expect(findings('the outbox', [...elsewhere, ...messages.map((message) => message.subject)])).toEqual(
        [],
      );
    });
  });
}

function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value !== 'object' || value === null) return [];
  return Object.values(value).flatMap(stringsIn);
}

async function query(stack: DistributedStack, sql: string): Promise<Record<string, unknown>[]> {
  const client = new Client({ connectionString: testEnv.pgUrl });
  await client.connect();
  try {
    await client.query(`SET search_path TO "${stack.name}"`);
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

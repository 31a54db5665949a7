import { readOutbox } from '@gatehouse/notifications';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { testEnv } from '../infra/env';
import type { DistributedStack } from '../infra/distributed-stack';
import { ADMIN_PASSWORD } from './scenario';

/** What a secret looks like, whatever test produced it. */
const secretPatterns: Record<string, RegExp> = {
  'argon2 hash': /\$argon2(id|i|d)\$/,
  'API key': /ghk_[0-9A-Za-z]{36}/,
  'session token': /ghs\.[0-9a-f-]{36}\.[0-9a-f-]{36}\.[\w-]{20,}/,
  'reset token': /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.[\w-]{43}(?![\w-])/,
  'test password': new RegExp(`Str0ng-[a-z0-9]+!|Wrong-password-\\d|${ADMIN_PASSWORD}`),
};

/**
 * Run last, after every scenario of the distributed mode: no password, hash or token anywhere it must not
 * be — the event store, every Kafka topic (values and headers), the services' logs and metrics, and the
 * outbox. The one place a reset token may travel is the password-reset email to its own recipient (it is
 * the link).
 */
export function secretScanScenarios(stack: () => DistributedStack): void {
  describe('after every scenario, a scan for secrets', () => {
    let storedSecrets: string[];
    beforeAll(async () => {
      // An API key is filed under its hash, with its owner's ids and its last use as the value (not secret).
      const sql = `SELECT CASE WHEN key LIKE 'api-key%' THEN substr(key, 9) ELSE value END AS value
        FROM gh_secrets WHERE key NOT LIKE 'api-key-last-used:%'`;
      storedSecrets = (await query(stack(), sql)).map((row) => String(row['value']));
    });
    const findings = (where: string, texts: readonly string[]): string[] =>
      texts.flatMap((text) => [
        ...Object.entries(secretPatterns)
          .filter(([, pattern]) => pattern.test(text))
          .map(([kind]) => `${kind} in ${where}: ${text.slice(0, 200)}`),
        ...storedSecrets.filter((secret) => text.includes(secret)).map(() => `a stored secret in ${where}`),
      ]);

    it('has secrets to look for (the scenarios stored hashes)', () => {
      expect(storedSecrets.some((value) => /\$argon2id\$/.test(value))).toBe(true);
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
      const records = await readTopics(stack().name);
      expect(records.length).toBeGreaterThan(100);
      expect(findings('Kafka', records)).toEqual([]);
    });

    it('finds none in the logs', () => {
      const logs = (['users', 'roles', 'access-control', 'projections', 'relay', 'gateway'] as const).map(
        (service) => stack().logs(service),
      );
      expect(logs.join('').length).toBeGreaterThan(0);
      expect(findings('the logs', logs)).toEqual([]);
    });

    it('finds none in the metrics of any service', async () => {
      const { direct, relay } = stack();
      const texts = await Promise.all(
        [direct.users, direct.roles, direct['access-control'], direct.projections, relay].map(
          async (api) => (await api.get<string>('/metrics')).body,
        ),
      );
      expect(texts.join('').length).toBeGreaterThan(0);
      expect(findings('the metrics', texts)).toEqual([]);
    });

    it('finds none in the outbox but the reset links sent to their own users', async () => {
      const messages = await readOutbox(stack().outboxDir);
      expect(messages.length).toBeGreaterThan(0);
      const elsewhere = messages.map((message) =>
        message.template === 'password-reset'
          ? message.text.replace(secretPatterns['reset token'], '<link>')
          : message.text,
      );
      expect(findings('the outbox', [...elsewhere, ...messages.map((message) => message.subject)])).toEqual(
        [],
      );
    });
  });
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

/** Every record of the stack's topics, as text: value and headers. */
async function readTopics(prefix: string): Promise<string[]> {
  const kafka = new Kafka({ brokers: testEnv.kafkaBrokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(`${prefix}.`));
  const ends = await Promise.all(topics.map((topic) => admin.fetchTopicOffsets(topic)));
  await admin.disconnect();
  const expected = ends
    .flat()
    .reduce((sum, partition) => sum + Number(partition.high) - Number(partition.low), 0);
  const consumer = kafka.consumer({ groupId: `${prefix}-secret-scan` });
  const records: string[] = [];
  await consumer.connect();
  await consumer.subscribe({ topics, fromBeginning: true });
  const done = new Promise<void>((resolve) => {
    void consumer.run({
      eachMessage: async ({ message }) => {
        const headers = Object.entries(message.headers ?? {}).map(
          ([name, value]) => `${name}=${String(value)}`,
        );
        records.push([message.value?.toString() ?? '', ...headers].join('\n'));
        if (records.length >= expected) resolve();
      },
    });
  });
  await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 30_000))]);
  await consumer.disconnect();
  return records;
}

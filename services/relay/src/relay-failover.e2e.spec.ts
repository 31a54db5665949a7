import { forEachPublished } from '@gatehouse/bus-kafka';
import { allTopics } from '@gatehouse/contracts';
import {
  DistributedStack,
  newUserBody,
  openAccount,
  type OpenedAccount,
  testEnv,
  withClient,
} from '@gatehouse/testing';
import { Kafka, logLevel } from 'kafkajs';
import { escapeIdentifier } from 'pg';

jest.setTimeout(600_000);

const USERS = 400;
const CONCURRENCY = 4;
const TAKEOVER_LIMIT_MS = 5_000;

/**
 * Two relays over one store: the standby waits on the PostgreSQL leader lock (polled every 500 ms). The
 * leader is SIGKILLed while users are being created; the standby must lead within 5 s and publish from
 * the checkpoint, so Kafka ends up with every stored event — some perhaps twice (the batch the leader
 * published but had not checkpointed), which a consumer deduping by event id absorbs.
 */
describe('when the leading relay is killed mid-stream', () => {
  let stack: DistributedStack;
  let account: OpenedAccount;
  beforeAll(async () => {
    stack = await DistributedStack.start({ instances: { relay: 2 } });
    account = await openAccount(stack.users, stack.operatorToken);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('the standby leads within 5 s and Kafka holds every stored event, once after dedupe', async () => {
    const leader = await stack.waitForLeadingRelay();
    let created = 0;
    let takeover: Promise<number> | undefined;
    const worker = async (): Promise<void> => {
      while (created < USERS) {
        if (++created === USERS / 4) takeover = killAndTimeTakeover(stack, leader);
        const response = await account.admin.post(
          `/v1/accounts/${account.accountId}/users`,
          newUserBody({ roles: ['developer'] }),
        );
        if (response.status !== 201) throw new Error(`create failed: ${response.status}`);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const takeoverMs = await (takeover as Promise<number>);
    console.log(`relay takeover after SIGKILL of the leader: ${takeoverMs} ms`);
    expect(takeoverMs).toBeLessThan(TAKEOVER_LIMIT_MS);

    const stored = await storedEvents(stack.name);
    const kafka = new Kafka({ brokers: testEnv.kafkaBrokers, logLevel: logLevel.NOTHING });
    const topics = allTopics.map((topic) => `${stack.name}.${topic}`);
    let published = await publishedPerStream(kafka, topics);
    const deadline = Date.now() + 120_000;
    while (published.unique.size < stored.size && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      published = await publishedPerStream(kafka, topics);
    }
    console.log(
      `relay failover: ${stored.size} events stored, ${published.records} records on Kafka, ` +
        `${published.records - published.unique.size} duplicates removed by event id`,
    );
    expect([...published.unique.keys()].sort()).toEqual([...stored.keys()].sort());
    expect(countPerStream(published.unique)).toEqual(countPerStream(stored));
  });
});

/** SIGKILLs the leading relay and resolves with how long until another instance says it leads. */
async function killAndTimeTakeover(stack: DistributedStack, leader: number): Promise<number> {
  const killedAt = Date.now();
  await stack.kill('relay', leader);
  await stack.waitForLeadingRelay(60_000);
  return Date.now() - killedAt;
}

/** Event id → stream id, of every event in the stack's store. */
async function storedEvents(schema: string): Promise<Map<string, string>> {
  const { rows } = await withClient((client) =>
    client.query<{ event_id: string; stream_id: string }>(
      `SELECT event_id, stream_id FROM ${escapeIdentifier(schema)}.gh_events`,
    ),
  );
  return new Map(rows.map((row) => [row.event_id, row.stream_id]));
}

async function publishedPerStream(
  kafka: Kafka,
  topics: string[],
): Promise<{ records: number; unique: Map<string, string> }> {
  let records = 0;
  const unique = new Map<string, string>();
  await forEachPublished(kafka, topics, ({ eventId, streamId }) => {
    records++;
    unique.set(eventId, streamId);
  });
  return { records, unique };
}

function countPerStream(events: Map<string, string>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const streamId of events.values()) counts[streamId] = (counts[streamId] ?? 0) + 1;
  return counts;
}

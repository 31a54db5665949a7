import {
  DistributedStack,
  listEqualsReplay,
  newUserBody,
  openAccount,
  type OpenedAccount,
  testEnv,
} from '@gatehouse/testing';
import { type Admin, AssignerProtocol, Kafka, logLevel } from 'kafkajs';
import { projectedTopics } from '@gatehouse/projections-api';

jest.setTimeout(600_000);

const USERS = 600;
const CONCURRENCY = 4;
/** Every topic the projectors read (users, roles, invites), of 6 partitions each (ensureTopics). */
const PARTITIONS = projectedTopics.length * 6;

/**
 * Two projection instances share one consumer group. One is SIGKILLed mid-load: after the group's session
 * timeout (10 s by default) the coordinator hands its partitions to the survivor, which resumes from the
 * last committed offsets; the read model must end equal to a replay of the store.
 */
describe('when one of two projection instances is killed mid-load', () => {
  let stack: DistributedStack;
  let account: OpenedAccount;
  let admin: Admin;
  beforeAll(async () => {
    stack = await DistributedStack.start({ instances: { projections: 2 } });
    account = await openAccount(stack.users, stack.operatorToken);
    admin = new Kafka({ brokers: testEnv.kafkaBrokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.disconnect();
    await stack?.stop();
  });

  it('the other instance takes its partitions and the read model equals a replay', async () => {
    const groupId = `${stack.name}.gatehouse-projections`;
    const before = await waitForAssignment(admin, groupId, (members) => members.length === 2);
    expect(before.map((partitions) => partitions > 0)).toEqual([true, true]);

    let created = 0;
    let takeover: Promise<number> | undefined;
    const worker = async (): Promise<void> => {
      while (created < USERS) {
        if (++created === USERS / 3) takeover = killAndTimeTakeover(stack, admin, groupId);
        const roles = created % 2 === 0 ? ['developer'] : [];
        const response = await account.admin.post(
          `/v1/accounts/${account.accountId}/users`,
          newUserBody({ roles }),
        );
        if (response.status !== 201) throw new Error(`create failed: ${response.status}`);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const takeoverMs = await (takeover as Promise<number>);
    console.log(`consumer-group takeover after SIGKILL of a projection instance: ${takeoverMs} ms`);
    expect(takeoverMs).toBeLessThan(60_000);

    const { listed, replayed } = await listEqualsReplay(
      stack.projections.as(account.adminToken),
      stack.name,
      account.accountId,
    );
    expect(replayed).toHaveLength(USERS + 1);
    expect(listed).toEqual(replayed);
  });
});

/** SIGKILLs projection instance 0; resolves with how long until one member holds every partition. */
async function killAndTimeTakeover(stack: DistributedStack, admin: Admin, groupId: string): Promise<number> {
  const killedAt = Date.now();
  await stack.kill('projections', 0);
  const after = await waitForAssignment(admin, groupId, (members) => members.length === 1);
  expect(after).toEqual([PARTITIONS]);
  return Date.now() - killedAt;
}

/** Polls the group until it is stable with members matching `ready`; returns each member's partition count. */
async function waitForAssignment(
  admin: Admin,
  groupId: string,
  ready: (members: number[]) => boolean,
): Promise<number[]> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const [group] = (await admin.describeGroups([groupId])).groups;
    const members = group.members.map((member) => {
      const decoded = AssignerProtocol.MemberAssignment.decode(member.memberAssignment);
      return Object.values(decoded?.assignment ?? {}).reduce((sum, partitions) => sum + partitions.length, 0);
    });
    const assigned = members.reduce((sum, count) => sum + count, 0) === PARTITIONS;
    if (group.state === 'Stable' && assigned && ready(members)) return members;
    if (Date.now() > deadline)
      throw new Error(`group ${groupId} is ${group.state}: ${JSON.stringify(members)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

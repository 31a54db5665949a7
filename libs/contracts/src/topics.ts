/** Kafka topics per bounded context; the key of every record is its stream id. */
export const Topics = {
  users: 'gatehouse.users.v1',
  roles: 'gatehouse.roles.v1',
  accounts: 'gatehouse.accounts.v1',
  invites: 'gatehouse.invites.v1',
  access: 'gatehouse.access.v1',
} as const;

export type Topic = (typeof Topics)[keyof typeof Topics];

const topicByStreamPrefix: ReadonlyArray<readonly [string, Topic]> = [
  ['user-', Topics.users],
  ['username-', Topics.users],
  ['role-', Topics.roles],
  ['roles-', Topics.roles],
  ['account-', Topics.accounts],
  ['invite-', Topics.invites],
  ['access-', Topics.access],
  // Refusals of a user's credentials travel beside their access controls: one topic for access auditors.
  ['refusals-', Topics.access],
];

export function topicForStream(streamId: string): Topic {
  const match = topicByStreamPrefix.find(([prefix]) => streamId.startsWith(prefix));
  if (!match) throw new Error(`no topic is mapped for stream ${streamId}`);
  return match[1];
}

export const allTopics: readonly Topic[] = Object.values(Topics);

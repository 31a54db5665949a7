import {
  assertLimit,
  type ListOptions,
  type Page,
  toUserRow,
  UsersListReadModel,
} from '@gatehouse/read-models';
import type { UserFields, UserRow, UsersListWrite } from '@gatehouse/users-list';
import { type ChainableCommander, Redis } from 'ioredis';
import { toggleRoleScript, upsertUserScript } from './users-list.scripts';

export interface RedisUsersListOptions {
  /** Put in front of every key, so read models (or test runs) sharing a server never meet. Default `gh:`. */
  readonly keyPrefix?: string;
}

/** The Lua scripts, once defineCommand has added them (ioredis sends EVALSHA, loading on NOSCRIPT). */
interface UsersListCommands<R> {
  ghUsersListUpsert(rowKey: string, indexKey: string, ...args: string[]): R;
  ghUsersListToggleRole(rowKey: string, ...args: string[]): R;
}

const positionField = (streamId: string): string => `_pos:${streamId}`;

/**
 * Keys, all per account (`{accountId}` is a cluster hash tag, so one account's keys share a slot):
 * - `<p>acct:{a}:user:<userId>`: hash of one row. Each column is JSON-encoded (keeps nulls and types);
 *   `roles` is a JSON array (few per user, read with the row in the same HGETALL, changed atomically
 *   by the script; role filters will get index sets of their own); `_pos:<streamId>` = last position applied.
 * - `<p>acct:{a}:users`: ZSET, score 0, member userId: created users in lexicographic (UUIDv7 = creation) order.
 * The client must not set ioredis' own keyPrefix: this adapter prefixes keys itself, SCAN patterns included.
 */
export class RedisUsersListReadModel extends UsersListReadModel {
  private readonly redis: Redis;
  private readonly ownsClient: boolean;
  private readonly prefix: string;

  constructor(connection: Redis | string, options: RedisUsersListOptions = {}) {
    super();
    this.ownsClient = typeof connection === 'string';
    this.redis = typeof connection === 'string' ? new Redis(connection) : connection;
    this.prefix = options.keyPrefix ?? 'gh:';
    this.redis.defineCommand('ghUsersListUpsert', { numberOfKeys: 2, lua: upsertUserScript });
    this.redis.defineCommand('ghUsersListToggleRole', { numberOfKeys: 1, lua: toggleRoleScript });
  }

  /** One pipeline per call: one round trip, each write still its own atomic script run. */
  async apply(writes: readonly UsersListWrite[]): Promise<void> {
    if (writes.length === 0) return;
    const pipeline = this.redis.pipeline() as ChainableCommander & UsersListCommands<ChainableCommander>;
    for (const write of writes) {
      const rowKey = this.rowKey(write.accountId, write.userId);
      const position = [positionField(write.source.streamId), String(write.source.streamPosition)];
      if (write.kind === 'toggle-role') {
        pipeline.ghUsersListToggleRole(rowKey, ...position, write.roleId, write.enabled ? '1' : '0');
      } else {
        // An explicit undefined would reach Redis as '' and make the row unreadable: skip it.
        const columns = Object.entries(write.fields).flatMap(([field, value]) =>
          value === undefined ? [] : [field, JSON.stringify(value)],
        );
        pipeline.ghUsersListUpsert(
          rowKey,
          this.indexKey(write.accountId),
          ...position,
          write.userId,
          ...columns,
        );
      }
    }
    await execOrThrow(pipeline);
  }

  async list(accountId: string, options: ListOptions): Promise<Page<UserRow>> {
    assertLimit(options.limit);
    const from = options.cursor === undefined ? '-' : `(${options.cursor}`;
    const ids = await this.redis.zrange(
      this.indexKey(accountId),
      from,
      '+',
      'BYLEX',
      'LIMIT',
      0,
      options.limit + 1,
    );
    const pageIds = ids.slice(0, options.limit);
    const pipeline = this.redis.pipeline();
    for (const id of pageIds) pipeline.hgetall(this.rowKey(accountId, id));
    const hashes = (await execOrThrow(pipeline)) as Record<string, string>[];
    const items = hashes.flatMap((hash, index) => decodeRow(pageIds[index], hash) ?? []);
    return { items, nextCursor: ids.length > options.limit ? pageIds[pageIds.length - 1] : null };
  }

  async get(accountId: string, userId: string): Promise<UserRow | null> {
    return decodeRow(userId, await this.redis.hgetall(this.rowKey(accountId, userId)));
  }

  count(accountId: string): Promise<number> {
    return this.redis.zcard(this.indexKey(accountId));
  }

  /** Deletes this prefix's users-list keys of every account, in SCAN batches (never KEYS, never FLUSHDB). */
  async clear(): Promise<void> {
    const base = `${escapeGlob(this.prefix)}acct:*`;
    for (const match of [`${base}:user:*`, `${base}:users`]) {
      for await (const keys of this.redis.scanStream({ match, count: 500 })) {
        if ((keys as string[]).length > 0) await this.redis.unlink(...(keys as string[]));
      }
    }
  }

  /** Closes the connection only when this adapter opened it; a client passed in belongs to the caller. */
  async close(): Promise<void> {
    if (this.ownsClient) await this.redis.quit();
  }

  private accountKey(accountId: string): string {
    return `${this.prefix}acct:{${accountId}}`;
  }

  private rowKey(accountId: string, userId: string): string {
    return `${this.accountKey(accountId)}:user:${userId}`;
  }

  private indexKey(accountId: string): string {
    return `${this.accountKey(accountId)}:users`;
  }
}

async function execOrThrow(pipeline: ChainableCommander): Promise<unknown[]> {
  const results = (await pipeline.exec()) ?? [];
  const failed = results.find(([error]) => error);
  if (failed) throw failed[0];
  return results.map(([, result]) => result);
}

function decodeRow(userId: string, hash: Record<string, string>): UserRow | null {
  const fields: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(hash)) {
    if (field !== 'roles' && !field.startsWith('_pos:')) fields[field] = JSON.parse(value);
  }
  const roles = hash['roles'] === undefined ? [] : (JSON.parse(hash['roles']) as string[]);
  return toUserRow(userId, fields as Partial<UserFields>, roles);
}

function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, '\\$&');
}

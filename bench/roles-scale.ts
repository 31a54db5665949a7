import { PostgresEventStore } from '@gatehouse/event-store-postgres';
import { StateCache } from '@gatehouse/event-store';
import { Grants } from '@gatehouse/identity';
import { RoleCommands } from '@gatehouse/roles-api';
import { randomUUID } from 'node:crypto';
import { escapeIdentifier, Pool } from 'pg';
import { latencyHistogram, percentileMs, recordMs } from './report';

/**
 * What a role toggle and a permission check cost as one account grows to a million users, on the
 * PostgreSQL store. Users are seeded with SQL (one role each, in its own stream, as the adapter writes
 * them); the measured calls go through Grants (every service's permission check) and RoleCommands
 * (the roles service's toggle) as the services make them. "Cold" is a fresh
 * instance: a new state cache, so every stream is read and folded from the store.
 */
export interface RolesScaleRow {
  readonly users: number;
  readonly coldCheck: { p50: number; p99: number };
  readonly warmCheck: { p50: number; p99: number };
  readonly toggle: { p50: number; p99: number };
  readonly seedSeconds: number;
}

const ACCOUNT = '0190a000-0000-7000-9000-0000000000aa';
const ADMIN = '0190a000-0000-7000-9000-0000000000ad';
const SAMPLES = 300;

const userOf = (n: number): string => `0190a000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;

export async function runRolesScaleBench(sizes: readonly number[]): Promise<RolesScaleRow[]> {
  const pgUrl = process.env['GATEHOUSE_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
  const schema = `bench_roles_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const store = await PostgresEventStore.open({ connectionString: pgUrl, schema, poolSize: 4 });
  const pool = new Pool({ connectionString: pgUrl, max: 1 });
  const rows: RolesScaleRow[] = [];
  try {
    await seedAdmin(pool, schema);
    let seeded = 0;
    for (const users of sizes) {
      const started = performance.now();
      await seedUsers(pool, schema, seeded + 1, users);
      seeded = users;
      const seedSeconds = (performance.now() - started) / 1000;
      const pick = () => userOf(1 + Math.floor(Math.random() * users));
      const coldCheck = latencyHistogram();
      for (let sample = 0; sample < SAMPLES; sample++) {
        const roles = new Grants(new StateCache(store));
        const began = performance.now();
        await roles.grantsOf(ACCOUNT, pick());
        recordMs(coldCheck, performance.now() - began);
      }
      const states = new StateCache(store);
      const warm = new Grants(states);
      const commands = new RoleCommands(store, states, warm);
      const warmCheck = latencyHistogram();
      const toggle = latencyHistogram();
      for (let sample = 0; sample < SAMPLES; sample++) {
        const userId = pick();
        await warm.grantsOf(ACCOUNT, userId);
        let began = performance.now();
        await warm.grantsOf(ACCOUNT, userId);
        recordMs(warmCheck, performance.now() - began);
        const context = {
          accountId: ACCOUNT,
          actor: ADMIN,
          correlationId: randomUUID(),
          causationId: null,
          now: new Date(),
        };
        began = performance.now();
        await commands.toggle(
          { accountId: ACCOUNT, userId, roleId: 'support', enabled: sample % 2 === 0 },
          context,
        );
        recordMs(toggle, performance.now() - began);
      }
      const summary = (histogram: ReturnType<typeof latencyHistogram>) => ({
        p50: percentileMs(histogram, 50),
        p99: percentileMs(histogram, 99),
      });
      rows.push({
        users,
        coldCheck: summary(coldCheck),
        warmCheck: summary(warmCheck),
        toggle: summary(toggle),
        seedSeconds,
      });
    }
  } finally {
    await store.close();
    await pool.query(`DROP SCHEMA IF EXISTS ${escapeIdentifier(schema)} CASCADE`);
    await pool.end();
  }
  return rows;
}

const columns = `stream_id, stream_position, event_id, type, schema_version, account_id, occurred_at, actor,
  correlation_id, data`;

async function seedAdmin(pool: Pool, schema: string): Promise<void> {
  const events = `${escapeIdentifier(schema)}.gh_events`;
  await pool.query(
    `INSERT INTO ${events} (${columns}) VALUES
      ('role-admins-' || $1, 0, gen_random_uuid(), 'AccountAdminAdded', 1, $1, now(), $2, 'seed',
        jsonb_build_object('userId', $2::text)),
      ('role-assignments-' || $2, 0, gen_random_uuid(), 'RoleToggled', 1, $1, now(), $2, 'seed',
        jsonb_build_object('userId', $2::text, 'roleId', 'account-admin', 'enabled', true))`,
    [ACCOUNT, ADMIN],
  );
}

/** Users `from`..`to`, each with the developer role in its own stream, 20,000 per transaction. */
async function seedUsers(pool: Pool, schema: string, from: number, to: number): Promise<void> {
  const events = `${escapeIdentifier(schema)}.gh_events`;
  for (let start = from; start <= to; start += 20_000) {
    await pool.query(
      `INSERT INTO ${events} (${columns})
       SELECT 'role-assignments-' || u.id, 0, gen_random_uuid(), 'RoleToggled', 1, $1, now(), $2, 'seed',
         jsonb_build_object('userId', u.id, 'roleId', 'developer', 'enabled', true)
       FROM generate_series($3::bigint, $4::bigint) AS n,
         LATERAL (SELECT '0190a000-0000-7000-8000-' || lpad(to_hex(n), 12, '0') AS id) AS u`,
      [ACCOUNT, ADMIN, start, Math.min(start + 19_999, to)],
    );
  }
  // An account grows over months, and autovacuum has long set the hint bits and visibility map of its
  // rows; without this the first reads of freshly seeded rows write those pages, which no live system sees.
  await pool.query(`VACUUM ANALYZE ${events}`);
}

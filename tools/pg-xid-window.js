// Run after `npm run build`, as a user allowed to ptrace PostgreSQL's backends: node tools/pg-xid-window.js
// Pauses an appending backend between its xid assignment and its xid lock (gdb breakpoint on
// XactLockTableInsert), then compares how migration 6's and migration 7's first look name appenders.
const { Client } = require('pg');
const { spawn } = require('child_process');
const url = process.env.GATEHOUSE_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = 'xid_window_demo';
const old = `SELECT coalesce(array_agg(own.transactionid::text::bigint), '{}') AS appenders FROM pg_locks holder
  JOIN pg_locks own ON own.pid = holder.pid AND own.locktype = 'transactionid' AND own.mode = 'ExclusiveLock' AND own.granted
  WHERE holder.locktype = 'relation' AND holder.mode = 'RowExclusiveLock' AND holder.relation = '${schema}.gh_events'::regclass`;
(async () => {
  const { PostgresEventStore } = require('../dist/libs/platform/event-store-postgres/src');
  const store = await PostgresEventStore.open({ connectionString: url, schema });
  await store.close();
  const a = new Client(url);
  await a.connect();
  const r = new Client(url);
  await r.connect();
  const pid = (await a.query('SELECT pg_backend_pid() AS pid')).rows[0].pid;
  const gdb = spawn(
    'gdb',
    [
      '-p',
      String(pid),
      '-batch',
      '-ex',
      'break XactLockTableInsert',
      '-ex',
      'continue',
      '-ex',
      'shell sleep 4',
      '-ex',
      'detach',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  gdb.stdout.on('data', (d) => (out += d));
  gdb.stderr.on('data', (d) => (out += d));
  await new Promise((res) => setTimeout(res, 2500));
  const insert =
    a.query(`INSERT INTO ${schema}.gh_events (event_id, stream_id, stream_position, type, schema_version,
    account_id, occurred_at, actor, correlation_id, data) VALUES (gen_random_uuid(), 'user-x', 0, 'T', 1, 'a', now(), 'x', 'c', '{}')`);
  await new Promise((res) => setTimeout(res, 1000));
  const xid = (await r.query(`SELECT backend_xid FROM pg_stat_activity WHERE pid = $1`, [pid])).rows[0]
    .backend_xid;
  await r.query('SELECT pg_current_xact_id()'); // a later transaction commits: latestCompletedXid passes the appender
  const next = (await r.query('SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS n')).rows[0].n;
  console.log('paused appender xid', xid, '| next', next);
  console.log('migration 6 names', (await r.query(old)).rows[0].appenders);
  console.log(
    'migration 7 names',
    (await r.query(`SELECT appenders FROM ${schema}.gh_appenders()`)).rows[0].appenders,
  );
  await insert;
  await new Promise((res) => gdb.on('exit', res));
  console.log(
    out
      .split('\n')
      .filter((l) => /Breakpoint 1,/.test(l))
      .join('\n'),
  );
  await r.query(`DROP SCHEMA ${schema} CASCADE`);
  await a.end();
  await r.end();
})().catch((e) => {
  console.error(e);
  process.exit(1);
});

import { type Client, escapeIdentifier } from 'pg';

/** The one large account of the read-side bench; the others are `small-0` … `small-99`, 10 users each. */
export const BIG_ACCOUNT = '0190a000-0000-7000-8000-00000000b16a';
export const SMALL_ACCOUNTS = 100;
const SMALL_USERS = 10;
const CHUNK = 20_000;

const FIRST = ['Ada', 'Zoë', 'Émile', 'Maria', 'Mark', 'Martin', 'Grace', 'Alan', 'Björn', 'Chloé'];
const LAST = [
  'Lovelace',
  'Ångström',
  'Zola',
  'Martínez',
  'Hopper',
  'Turing',
  'Nguyễn',
  'Müller',
  'Dubois',
  'Kodály',
];
const sqlArray = (values: readonly string[]) => `ARRAY[${values.map((v) => `'${v}'`).join(', ')}]`;

/**
 * Writes the users' histories straight into the event table (the store's adapter then reads them as it
 * reads any append): per user a UserCreated (names from small lists, so prefixes match many), a
 * RoleToggled, and for 70% a UserLoginSucceeded, 5% a UserDisabled. Each user's events come a minute after
 * the previous user's, as in a store appended as time goes: its order is its creation order. (Times that
 * went back every 100,000 users, as they did here before, made the created sort a shuffle of the store.)
 * Returns the number of events.
 */
export async function seedReadsideEvents(client: Client, schema: string, users: number): Promise<number> {
  const table = `${escapeIdentifier(schema)}.gh_events`;
  const all = users + SMALL_ACCOUNTS * SMALL_USERS;
  for (let first = 0; first < all; first += CHUNK) {
    await client.query(seedSql(table), [first, Math.min(first + CHUNK, all) - 1, users, BIG_ACCOUNT, all]);
  }
  await client.query(`VACUUM (ANALYZE) ${table}`);
  const { rows } = await client.query<{ count: string }>(`SELECT count(*) FROM ${table}`);
  return Number(rows[0].count);
}

const seedSql = (table: string) => `
  INSERT INTO ${table} (event_id, stream_id, stream_position, type, schema_version, account_id, occurred_at,
    actor, correlation_id, causation_id, data)
  SELECT gen_random_uuid(), e.stream, e.position, e.type, 1, u.account,
    now() - ($5::bigint - n) * interval '1 minute', 'bench', gen_random_uuid()::text, NULL, e.data
  FROM generate_series($1::bigint, $2::bigint) AS n,
    LATERAL (SELECT md5(n::text)::uuid::text AS id,
      CASE WHEN n < $3 THEN $4::text ELSE 'small-' || (n % ${SMALL_ACCOUNTS}) END AS account) AS u,
    LATERAL (VALUES
      ('user-' || u.id, 0, 'UserCreated', jsonb_build_object('userId', u.id,
        'firstName', (${sqlArray(FIRST)})[n % ${FIRST.length} + 1],
        'lastName', (${sqlArray(LAST)})[(n / ${FIRST.length}) % ${LAST.length} + 1],
        'email', 'user' || n || '@example.com', 'username', 'user' || n, 'mobile', NULL,
        'language', (ARRAY['en', 'fr', 'de', 'es'])[n % 4 + 1], 'timeZone', 'Europe/London')),
      ('role-assignments-' || u.id, 0, 'RoleToggled', jsonb_build_object('userId', u.id,
        'roleId', (ARRAY['support', 'developer', 'analyst', 'user-manager'])[n % 4 + 1], 'enabled', true)),
      ('user-' || u.id, 1, 'UserLoginSucceeded',
        jsonb_build_object('userId', u.id, 'sessionId', 's', 'ip', '203.0.113.7', 'channel', 'password')),
      ('user-' || u.id, 2, 'UserDisabled', jsonb_build_object('userId', u.id))
    ) AS e(stream, position, type, data)
  WHERE (e.type <> 'UserLoginSucceeded' OR n % 10 < 7) AND (e.type <> 'UserDisabled' OR n % 20 = 0)`;

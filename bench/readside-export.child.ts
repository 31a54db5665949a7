import { RedisReadModelStore } from '@gatehouse/read-models-redis';
import { createServer } from 'node:http';
import { listenForParent, runChild } from './child-server';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { usersCsv } from '../libs/projections/api/src/export-users/users-csv';
import { UsersListReader } from '../libs/projections/api/src/users-query/users-list.reader';

/**
 * The CSV export served from a process of its own, so its peak RSS is the export's alone (the bench
 * process holds the seeding's and the rebuild's heap). A bare node:http server around the real reader and
 * CSV writer, streamed as the export controller streams them. Argv: Redis URL, key prefix, account id.
 * Says `{ port }` once listening; exits when the parent goes.
 */
async function main(): Promise<void> {
  const [redisUrl, keyPrefix, accountId] = process.argv.slice(2);
  const store = new RedisReadModelStore(redisUrl, { keyPrefix });
  const reader = new UsersListReader(store);
  const server = createServer((_, response) => {
    response.writeHead(200, { 'content-type': 'text/csv; charset=utf-8' });
    pipeline(Readable.from(usersCsv(reader.csvLines(accountId, {}), { bom: false })), response).catch(
      (error: unknown) => console.error('export failed', error),
    );
  });
  await listenForParent(server, store);
}

runChild(main);

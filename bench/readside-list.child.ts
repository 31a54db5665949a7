import { RedisReadModelStore } from '@gatehouse/read-models-redis';
import { createServer } from 'node:http';
import { listenForParent, runChild } from './child-server';
import { UsersListReader } from '../libs/projections/api/src/users-query/users-list.reader';
import type { ListUsersQueryDto } from '../libs/projections/api/src/users-query/users-query.dto';
import { latencyHistogram, percentileMs, recordMs } from './report';

/**
 * The users list served from a process of its own, run as `npm start` runs it, so the load generator does
 * not share its event loop and its CPU time is not counted as the server's: a bare node:http server around
 * the real reader (session checks would blur the read side's cost), timing each request from its arrival
 * to its page. Argv: Redis URL, key prefix, account id, the query as JSON. Says `{ port }` once listening;
 * on 'reset' restarts its histogram, on 'stats' answers `{ p50, p99, total }`; exits when the parent goes.
 */
async function main(): Promise<void> {
  const [redisUrl, keyPrefix, accountId, queryJson] = process.argv.slice(2);
  const query = JSON.parse(queryJson) as ListUsersQueryDto;
  const store = new RedisReadModelStore(redisUrl, { keyPrefix });
  const reader = new UsersListReader(store);
  const histogram = latencyHistogram();
  let last = '';
  const server = createServer((_, response) => {
    const started = performance.now();
    void reader.pageJson(accountId, query).then((page) => {
      recordMs(histogram, performance.now() - started);
      last = page;
      response.writeHead(200, { 'content-type': 'application/json' }).end(page);
    });
  });
  process.on('message', (message) => {
    if (message === 'reset') histogram.reset();
    if (message === 'stats') {
      const { total, totalIsAtLeast } = JSON.parse(last) as { total: number; totalIsAtLeast?: true };
      const matches = `${totalIsAtLeast ? 'at least ' : ''}${total}`;
      process.send?.({ p50: percentileMs(histogram, 50), p99: percentileMs(histogram, 99), total: matches });
    }
  });
  await listenForParent(server, store);
}

runChild(main);

import { hash, verify } from 'argon2';
import { existsSync, readdirSync } from 'node:fs';
import { setPriority } from 'node:os';
import type { HashRequest, HashResponse } from './hashing-processes';

/**
 * One hashing child (see hashing-processes.ts). On Linux a nice value is a thread's, and a new thread
 * takes its creator's: this thread is niced before argon2 first queues work (libuv starts its thread pool
 * then, from here), and the threads V8 started earlier are niced one by one.
 */
const nice = Number(process.env['GATEHOUSE_HASH_NICE']);
setPriority(nice);
for (const thread of existsSync('/proc/self/task') ? readdirSync('/proc/self/task') : [])
  setPriority(Number(thread), nice);

process.on('message', (request: HashRequest) => {
  const done = (response: Omit<HashResponse, 'id'>) => process.send?.({ id: request.id, ...response });
  const work =
    request.op === 'hash'
      ? hash(request.password, request.options)
      : verify(request.digest, request.password);
  // argon2's messages name the failure (a malformed hash), never the password.
  work.then(
    (result) => done({ result }),
    (error: unknown) => done({ error: error instanceof Error ? error.message : String(error) }),
  );
});
// The parent went away (crashed, killed): nothing is left to hash for.
process.on('disconnect', () => process.exit(0));

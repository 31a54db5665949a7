import type { PeerSystem } from './peer-system';

export type WorkloadName = 'list_page50' | 'get_user' | 'create_user' | 'manipulate_user' | 'login';
export const workloadNames: readonly WorkloadName[] = [
  'list_page50',
  'get_user',
  'create_user',
  'manipulate_user',
  'login',
];

/** What a system holds before the timed phases: seeded users to read, users with a password to log in. */
export interface Prepared {
  readonly system: PeerSystem;
  readonly seeded: readonly string[];
  readonly withPassword: readonly string[];
}

let next = 0;
/** Person numbers, unique across the systems of one run. */
export const nextPerson = (): number => next++;

/** One iteration of a workload at concurrency `c`, by worker `worker` on its `iteration`-th go. */
export function workload(
  name: WorkloadName,
  { system, seeded, withPassword }: Prepared,
  c: number,
): (worker: number, iteration: number) => Promise<void> {
  switch (name) {
    case 'list_page50':
      return () => system.firstPage();
    case 'get_user':
      return () => system.getUser(seeded[Math.floor(Math.random() * seeded.length)]);
    case 'create_user':
      return async () => void (await system.createUser(nextPerson()));
    case 'manipulate_user':
      return async () => {
        const n = nextPerson();
        const id = await system.createUser(n);
        await system.updateLastName(id, n, `Updated${n}`);
        await system.deleteUser(id);
      };
    case 'login': {
      // Worker w logs in only its own users (w, w + c, …): Keycloak refuses a user's login while another
      // login of that user is in flight (user_temporarily_disabled), which a shared round robin would hit.
      const perWorker = Math.floor(withPassword.length / c);
      if (perWorker < 1) throw new Error(`login needs at least ${c} users with a password`);
      return (worker, iteration) => system.login(withPassword[worker + c * (iteration % perWorker)]);
    }
  }
}

/** Untimed bulk work at a fixed concurrency. */
export async function bulk<T>(total: number, concurrency: number, make: () => Promise<T>): Promise<T[]> {
  const made: T[] = [];
  let started = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (started < total) {
        started++;
        made.push(await make());
      }
    }),
  );
  return made;
}

/** Seeds `users` users (C=8) and makes `loginUsers` users with a password (C=4), as the harness does. */
export async function prepare(system: PeerSystem, users: number, loginUsers: number): Promise<Prepared> {
  await system.setup();
  const began = performance.now();
  const seeded = await bulk(users, 8, () => system.createUser(nextPerson()));
  const seedS = (performance.now() - began) / 1000;
  const withPassword = await bulk(loginUsers, 4, () => system.userWithPassword(nextPerson()));
  await eventually(() => system.firstPage()); // Gatehouse's list is eventually consistent
  console.log(
    `${system.name}: seeded ${seeded.length} users in ${seedS.toFixed(1)} s, ${withPassword.length} with a password`,
  );
  return { system, seeded, withPassword };
}

async function eventually(check: () => Promise<void>): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

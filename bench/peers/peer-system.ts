import { randomBytes } from 'node:crypto';

/** A status other than the one the workload's definition expects: counted as an error of the phase. */
export class UnexpectedAnswer extends Error {
  constructor(
    readonly status: number | string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * One system under the same workload definitions (the shared harness's peer-bench.mjs): an admin creates,
 * updates, deletes, reads and lists users of one realm or account, and users log in with a password.
 */
export interface PeerSystem {
  readonly name: string;
  /** Processes whose CPU the system's figures count. */
  readonly pids: () => readonly number[];
  /** A realm or account with an admin who can do all of the below. */
  setup(): Promise<void>;
  createUser(n: number): Promise<string>;
  /** n: the person the user was created as (Keycloak's PUT sends the whole representation). */
  updateLastName(id: string, n: number, lastName: string): Promise<void>;
  /** Keycloak removes the user; Gatehouse records a deletion request (it has no hard delete). */
  deleteUser(id: string): Promise<void>;
  getUser(id: string): Promise<void>;
  /** The first page of 50, unfiltered: the like-for-like list. */
  firstPage(): Promise<void>;
  /** Makes user n with PASSWORD by the system's own supported path; answers its username. */
  userWithPassword(n: number): Promise<string>;
  login(username: string): Promise<void>;
  close(): void;
}

/** The seeded users' password, new each run: one upper, lower, digit and symbol under any policy here. */
export const PASSWORD = `Bench-${randomBytes(12).toString('base64url')}1!`;
const RUN = randomBytes(3).toString('hex');
const FIRST_NAMES = ['Ada', 'Bea', 'Cai', 'Dov', 'Eli', 'Fay', 'Gil', 'Hal', 'Ivo', 'Jun'];

/** The same person on both systems: names, email and username (unique per bench run). */
export function person(n: number): { username: string; email: string; firstName: string; lastName: string } {
  const username = `pb${RUN}u${n}`;
  return {
    username,
    email: `${username}@bench.example`,
    firstName: FIRST_NAMES[Math.abs(n) % FIRST_NAMES.length],
    lastName: `Person${n}`,
  };
}

/** Throws UnexpectedAnswer unless the status is one of `expected`. */
export function expectStatus(
  answer: { status: number; text: string },
  expected: readonly number[],
  what: string,
): void {
  if (!expected.includes(answer.status))
    throw new UnexpectedAnswer(answer.status, `${what}: HTTP ${answer.status} ${answer.text.slice(0, 200)}`);
}

import { type ChildProcess, fork } from 'node:child_process';
import { extname, join } from 'node:path';
import type { Options } from 'argon2';

type Work =
  | { readonly op: 'hash'; readonly password: string; readonly options: Options }
  | { readonly op: 'verify'; readonly digest: string; readonly password: string };
export type HashRequest = Work & { readonly id: number };
export interface HashResponse {
  readonly id: number;
  readonly result?: string | boolean;
  readonly error?: string;
}

interface Child {
  readonly process: ChildProcess;
  readonly pending: Map<number, (response: HashResponse) => void>;
}

/**
 * Computes argon2 hashes in `size` child processes at a lower scheduling priority (nice 10 by default), one hash at
 * a time each. On 2 cores a hash in the serving process's own thread pool took a core's share from the
 * event loop; niced, the kernel runs request handling first and gives hashing every cycle left idle,
 * so logins still use the whole machine when nothing else runs. Children start on first use (a service
 * that never verifies a password starts none) and again after one dies; the caller bounds how many
 * requests are in flight, so a free child is always there.
 */
export class HashingProcesses {
  private readonly idle: Child[] = [];
  private readonly running = new Set<Child>();
  private nextId = 0;

  constructor(
    private readonly size: number,
    private readonly nice: number,
  ) {}

  hash(password: string, options: Options): Promise<string> {
    return this.run({ op: 'hash', password, options }) as Promise<string>;
  }

  verify(digest: string, password: string): Promise<boolean> {
    return this.run({ op: 'verify', digest, password }) as Promise<boolean>;
  }

  /** Stops every child; a hash still in flight fails. */
  close(): void {
    this.idle.length = 0;
    for (const child of this.running) child.process.kill();
  }

  private async run(request: Work): Promise<string | boolean> {
    const child = this.idle.pop() ?? this.start();
    const id = this.nextId++;
    child.process.channel?.ref();
    try {
      const response = await new Promise<HashResponse>((resolve) => {
        child.pending.set(id, resolve);
        child.process.send({ ...request, id });
      });
      if (response.error !== undefined) throw new Error(response.error);
      return response.result as string | boolean;
    } finally {
      if (child.process.connected) {
        // Idle children must not keep the process alive.
        child.process.channel?.unref();
        if (this.idle.length < this.size) this.idle.push(child);
        else child.process.kill();
      }
    }
  }

  private start(): Child {
    const script = join(__dirname, `argon2-process${extname(__filename)}`);
    const process = fork(script, [], {
      // Compiled JavaScript in a build; the TypeScript source under Jest.
      execArgv: script.endsWith('.ts') ? ['-r', '@swc-node/register'] : [],
      env: { GATEHOUSE_HASH_NICE: String(this.nice) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      serialization: 'advanced',
    });
    const child: Child = { process, pending: new Map() };
    this.running.add(child);
    process.on('message', (response: HashResponse) => {
      child.pending.get(response.id)?.(response);
      child.pending.delete(response.id);
    });
    const fail = (reason: string) => {
      for (const settle of child.pending.values()) settle({ id: -1, error: `hashing process ${reason}` });
      child.pending.clear();
    };
    process.on('exit', (code, signal) => {
      this.running.delete(child);
      fail(`exited (${signal ?? code})`);
    });
    process.on('error', (error) => fail(`failed: ${error.message}`));
    return child;
  }
}

import type { ChildProcess } from 'node:child_process';
import type { ProbeReply, ProbeRequest } from './embedded-rss.child';

/** Request/response over the child's IPC channel; fails every waiter if the child exits. */
export class Probe {
  private nextId = 0;
  private readonly waiting = new Map<
    number,
    { resolve: (reply: ProbeReply) => void; reject: (error: Error) => void }
  >();
  private readonly exited: Promise<void>;
  private port?: Promise<number>;

  constructor(private readonly child: ChildProcess) {
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    child.once('exit', (code, signal) => {
      for (const { reject } of this.waiting.values())
        reject(new Error(`embedded app exited (${code ?? signal})`));
      this.waiting.clear();
    });
    child.on('message', (message: ProbeReply) => {
      this.waiting.get(message.id)?.resolve(message);
      this.waiting.delete(message.id);
    });
  }

  listening(): Promise<number> {
    this.port ??= new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('embedded app did not start within 60 s')), 60_000);
      this.child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`embedded app exited (${code}) before listening`));
      });
      this.child.on('message', (message: { type?: string; port?: number }) => {
        if (message.type !== 'listening') return;
        clearTimeout(timer);
        resolve(message.port as number);
      });
    });
    return this.port;
  }

  ask(request: Omit<ProbeRequest, 'id'>): Promise<ProbeReply> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      if (this.child.exitCode !== null || this.child.signalCode !== null)
        return reject(new Error('embedded app is gone'));
      this.waiting.set(id, { resolve, reject });
      this.child.send({ id, ...request } satisfies ProbeRequest);
    });
  }

  /** SIGTERM, then SIGKILL if it has not exited within 5 s. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    await this.exited;
    clearTimeout(timer);
  }
}

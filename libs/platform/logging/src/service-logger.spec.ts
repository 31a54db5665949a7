import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

/** A process that logs one line through createServiceLogger's stdout, then does `then`. */
function logOnce(then: 'stay' | 'exit' | 'exit(1)'): ChildProcess {
  const logger = JSON.stringify(join(__dirname, 'service-logger.ts'));
  const after = { stay: 'setTimeout(() => {}, 60000)', exit: '', 'exit(1)': 'process.exit(1)' }[then];
  const code = `require(${logger}).createServiceLogger('users').info({ n: 1 }, 'one line'); ${after}`;
  return spawn(process.execPath, ['-r', '@swc-node/register', '-e', code], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

const firstLine = (child: ChildProcess) =>
  new Promise<Record<string, unknown>>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('\n')) resolve(JSON.parse(output.slice(0, output.indexOf('\n'))));
    });
    child.once('close', () => reject(new Error(`ended having written ${JSON.stringify(output)}`)));
  });

describe('service logger on stdout', () => {
  it('writes a line that fills no buffer while the process runs on', async () => {
    const child = logOnce('stay');
    try {
      await expect(firstLine(child)).resolves.toMatchObject({ service: 'users', msg: 'one line', n: 1 });
      expect(child.exitCode).toBeNull();
    } finally {
      child.kill();
    }
  }, 30_000);

  it.each(['exit', 'exit(1)'] as const)(
    'writes what it holds when the process ends (%s)',
    async (then) => {
      await expect(firstLine(logOnce(then))).resolves.toMatchObject({ msg: 'one line' });
    },
    30_000,
  );
});

import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The module-boundary rules must be able to fail: lint fixtures as if they were code of a given lib and
 * check that the bad ones are refused line by line while the clean one passes.
 */
const root = join(__dirname, '..');
const eslint = join(root, 'node_modules/.bin/eslint');

function lintAs(fixture: string, filename: string): { line: number; ruleId: string; message: string }[] {
  const source = readFileSync(join(__dirname, 'lint-fixtures', fixture), 'utf8');
  const result = spawnSync(
    eslint,
    ['--no-ignore', '--format', 'json', '--stdin', '--stdin-filename', filename],
    { cwd: root, input: source, encoding: 'utf8', env: { ...process.env, NX_DAEMON: 'false' } },
  );
  const [report] = JSON.parse(result.stdout) as {
    messages: { line: number; ruleId: string; message: string }[];
  }[];
  return report.messages.filter((message) => message.ruleId === '@nx/enforce-module-boundaries');
}

const lintAsDomainCode = (fixture: string) => lintAs(fixture, 'libs/users/domain/src/boundary-probe.ts');

describe('module boundaries', () => {
  beforeAll(() => {
    // The rule reads the cached project graph; make sure it exists and is current.
    execFileSync(join(root, 'node_modules/.bin/nx'), ['show', 'projects'], {
      cwd: root,
      env: { ...process.env, NX_DAEMON: 'false' },
      stdio: 'ignore',
    });
  });

  it('refuses framework, I/O and port imports in domain code', () => {
    const refused = lintAsDomainCode('domain-imports-framework.ts').map((message) => message.line);
    expect(refused).toEqual([3, 4, 5, 6, 7, 8, 9]);
  });

  it('accepts domain code that imports only contracts and domain libs', () => {
    expect(lintAsDomainCode('domain-imports-clean.ts')).toEqual([]);
  });

  it('refuses one context importing another, and allows the shared identity lib', () => {
    const refused = lintAs('users-imports-roles.ts', 'libs/users/api/src/boundary-probe.ts');
    expect(refused.map((message) => message.line)).toEqual([4, 5]);
  });
});

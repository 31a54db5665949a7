import { execFileSync, spawnSync } from 'node:child_process';

/** Programs the tests drive for real, from Debian's packages: Chromium for the pages, nginx for auth_request. */
const PROGRAMS = [
  { command: 'chromium', debianPackage: 'chromium' },
  { command: 'nginx', debianPackage: 'nginx-light' },
];

const found = (command: string): boolean =>
  spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

/**
 * As the Kafka broker comes from Maven jars, these come from Debian's packages on the first run, so
 * `npm test` needs nothing installed by hand on a fresh machine of this kind. Where that cannot be done
 * (no root, no apt-get) it says what is missing; the nginx test then skips with a notice, the browser
 * tests fail naming Chromium's path.
 */
export function ensureSystemPrograms(): void {
  const missing = PROGRAMS.filter(({ command }) => !found(command)).map((program) => program.debianPackage);
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0 || !found('apt-get')) {
    console.warn(`tests: install ${missing.join(' ')} (Debian packages); this user cannot`);
    return;
  }
  console.log(`tests: installing ${missing.join(' ')} from Debian's packages (first run only)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env });
}

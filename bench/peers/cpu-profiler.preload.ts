import { Session } from 'node:inspector';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Loaded into a service process with `node --require` when the peers bench profiles: each SIGWINCH starts
 * or stops V8's CPU profiler, so a profile covers one workload's window, not start-up or seeding; the
 * profile is written as `<dir>/<label>.<service>.cpuprofile` (Chrome DevTools / speedscope format). The
 * label is read from `<dir>/label` at start. SIGWINCH because Nest's shutdown hooks own SIGUSR2 and
 * no terminal ever sends it to a service.
 */
const dir = process.env['PEERS_PROFILE_DIR'];
const service = /dist\/services\/([^/]+)\//.exec(process.argv[1] ?? '')?.[1] ?? String(process.pid);
if (dir) {
  const session = new Session();
  session.connect();
  let label: string | null = null;
  process.on('SIGWINCH', () => {
    if (label === null) {
      label = readFileSync(join(dir, 'label'), 'utf8').trim();
      session.post('Profiler.enable', () => session.post('Profiler.start'));
      return;
    }
    const file = join(dir, `${label}.${service}.cpuprofile`);
    label = null;
    session.post('Profiler.stop', (error, result) => {
      if (!error) writeFileSync(file, JSON.stringify(result.profile));
    });
  });
}

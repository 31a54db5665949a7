import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { STARTED_KAFKA } from './global-setup';
import { reportLingeringHandles } from './lingering-handles';

/**
 * Stops the Kafka broker the run started itself; a broker that was already running stays up, and so does
 * ours with KEEP_KAFKA=1 (fast re-runs). Runs once per project; the first one to run does the work.
 */
export default function globalTeardown(): void {
  reportLingeringHandles();
  if (process.env[STARTED_KAFKA] !== '1') return;
  delete process.env[STARTED_KAFKA];
  if (process.env['KEEP_KAFKA'] === '1') {
    console.log('kafka: kept running (KEEP_KAFKA=1); stop it with `npm run kafka -- stop`');
    return;
  }
  execFileSync('bash', [join(__dirname, '../../../../infra/kafka/kafka.sh'), 'stop'], { stdio: 'inherit' });
}

import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ensureSystemPrograms } from './system-packages';

/** Set when this run started the broker, so the global teardown stops it (and only then). */
export const STARTED_KAFKA = 'GATEHOUSE_TEST_STARTED_KAFKA';

/**
 * Integration and end-to-end tests run the services as compiled in dist/ and need a Kafka broker. When none is named in the environment,
 * start the project's own single-node broker (idempotent: an already running one is reused).
 */
export default function globalSetup(): void {
  // Service processes run compiled, as in production (`npm start`, `npm run distributed`).
  execFileSync(process.execPath, [join(__dirname, '../../../../tools/build.js')], { stdio: 'inherit' });
  ensureSystemPrograms();
  if (process.env['GATEHOUSE_KAFKA_BROKERS']) return;
  const script = join(__dirname, '../../../../infra/kafka/kafka.sh');
  const alreadyRunning = spawnSync('bash', [script, 'status']).status === 0;
  execFileSync('bash', [script, 'start'], { stdio: 'inherit' });
  if (!alreadyRunning) process.env[STARTED_KAFKA] = '1';
  process.env['GATEHOUSE_KAFKA_BROKERS'] = `127.0.0.1:${process.env['KAFKA_PORT'] ?? '9092'}`;
}

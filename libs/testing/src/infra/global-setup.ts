import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Integration and end-to-end tests run the services as compiled in dist/ and need a Kafka broker. When none is named in the environment,
 * start the project's own single-node broker (idempotent: an already running one is reused).
 */
export default function globalSetup(): void {
  // Service processes run compiled, as in production (`npm start`, `npm run distributed`).
  execFileSync(process.execPath, [join(__dirname, '../../../../tools/build.js')], { stdio: 'inherit' });
  if (process.env['GATEHOUSE_KAFKA_BROKERS']) return;
  const script = join(__dirname, '../../../../infra/kafka/kafka.sh');
  execFileSync('bash', [script, 'start'], { stdio: 'inherit' });
  process.env['GATEHOUSE_KAFKA_BROKERS'] = `127.0.0.1:${process.env['KAFKA_PORT'] ?? '9092'}`;
}

import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * As the Jest global setup does: with no broker named in the environment, start the project's own
 * single-node Kafka (idempotent; a running one is reused). Left running afterwards, like the tests leave it.
 */
export function ensureKafka(): void {
  if (process.env['GATEHOUSE_KAFKA_BROKERS']) return;
  execFileSync('bash', [join(__dirname, '../infra/kafka/kafka.sh'), 'start'], { stdio: 'inherit' });
  process.env['GATEHOUSE_KAFKA_BROKERS'] = `127.0.0.1:${process.env['KAFKA_PORT'] ?? '9092'}`;
}

import { Redis } from 'ioredis';
import { escapeIdentifier } from 'pg';
import { testEnv } from './env';
import { withClient } from './pg-events';
import { readStackTopics } from './stack-records';

/**
 * Where rows missing from a stack's read model were lost: for each row id, its events in the store (with
 * their checkpoints and whether Kafka holds them), the relay's checkpoint, and the row's hashes in Redis.
 * A crash test prints it when it fails, so a loss that shows once in many runs names its layer.
 */
export async function traceMissingRows(stackName: string, rowIds: readonly string[]): Promise<string> {
  const events = await withClient(async (client) => {
    const table = `${escapeIdentifier(stackName)}.gh_events`;
    const { rows } = await client.query<{
      row_id: string;
      event_id: string;
      stream_id: string;
      type: string;
      at: string;
    }>(
      `SELECT data->>'userId' AS row_id, event_id::text, stream_id, type,
         tx_id::text || ':' || global_position AS at
       FROM ${table} WHERE data->>'userId' = ANY($1::text[]) ORDER BY tx_id, global_position`,
      [rowIds],
    );
    const checkpoints = await client.query<{ name: string; checkpoint: string }>(
      `SELECT name, checkpoint FROM ${escapeIdentifier(stackName)}.gh_checkpoints`,
    );
    return { rows, checkpoints: checkpoints.rows };
  });
  const published = new Set((await readStackTopics(stackName)).map((record) => record.headers['ce_id']));
  const redis = new Redis(testEnv.redisUrl);
  try {
    const lines = [`checkpoints: ${JSON.stringify(events.checkpoints)}`];
    for (const rowId of rowIds) {
      lines.push(`row ${rowId}:`);
      for (const event of events.rows.filter((row) => row.row_id === rowId)) {
        const where = published.has(event.event_id) ? 'in Kafka' : 'NOT in Kafka';
        lines.push(`  ${event.type} ${event.stream_id} at ${event.at}, ${where}`);
      }
      const keys = await redis.keys(`${stackName}:*:row:${rowId}`);
      for (const key of keys) lines.push(`  ${key}: ${JSON.stringify(await redis.hgetall(key))}`);
      if (keys.length === 0) lines.push('  no row hash in Redis');
    }
    return lines.join('\n');
  } finally {
    redis.disconnect();
  }
}

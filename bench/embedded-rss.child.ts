import 'reflect-metadata';
import { readDeliveryPolicy } from '@gatehouse/notifications';
import { ReadModelStore } from '@gatehouse/read-models';
import { readLoginLimits, readPasswordHashing } from '@gatehouse/identity';
import { usersListDeclaration } from '@gatehouse/users-list';
import { join } from 'node:path';
import { createEmbeddedApp } from '../services/gatehouse/src/embedded-app';

/**
 * The embedded app in a process of its own, so the RSS it reports is the app's alone; run compiled, as
 * `npm start` runs it. Argv: data dir, session key, operator token.
 * Says `{ type: 'listening', port }`, then answers `{ id, accountId? }` with `{ id, rss, count? }`.
 */
export type ProbeRequest = { readonly id: number; readonly accountId?: string };
export type ProbeReply = { readonly id: number; readonly rss: number; readonly count?: number };

async function main(): Promise<void> {
  const [dataDir, sessionKey, operatorToken] = process.argv.slice(2);
  const app = await createEmbeddedApp(
    {
      dataDir,
      port: 0,
      sessionKey,
      operatorToken,
      serviceToken: operatorToken,
      reservationKey: sessionKey,
      passwordHashing: readPasswordHashing({}),
      loginLimits: readLoginLimits({}),
      operatorTokenFile: join(dataDir, 'operator.token'),
      outboxDir: join(dataDir, 'outbox'),
      smtp: null,
      publicUrl: 'http://127.0.0.1',
      delivery: readDeliveryPolicy({}),
    },
    'warn',
  );
  await app.listen(0, '127.0.0.1');
  const readModels = app.get(ReadModelStore);
  process.on('message', async (request: ProbeRequest) => {
    const rss = process.memoryUsage().rss;
    const count =
      request.accountId === undefined
        ? undefined
        : await readModels.count(usersListDeclaration, request.accountId);
    process.send?.({ id: request.id, rss, count } satisfies ProbeReply);
  });
  // The parent going away (even by SIGKILL) closes the channel: follow it rather than linger.
  process.on('disconnect', () => void app.close().finally(() => process.exit(0)));
  const { port } = app.getHttpServer().address() as { port: number };
  process.send?.({ type: 'listening', port });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createServiceLogger } from '@gatehouse/logging';
import { createEmbeddedApp } from './embedded-app';
import { loadEmbeddedConfig } from './embedded-config';

/** `npm start`: all of Gatehouse in one process, no servers needed. */
async function main(): Promise<void> {
  const config = loadEmbeddedConfig();
  const app = await createEmbeddedApp(config);
  await app.listen(config.port, '127.0.0.1');
  const logger = new Logger('gatehouse');
  logger.log(
    `embedded Gatehouse on http://127.0.0.1:${config.port} (OpenAPI at /docs), data in ${config.dataDir}`,
  );
  logger.log(`operator token (opens accounts) is in ${config.operatorTokenFile}`);
}

main().catch((error: unknown) => {
  createServiceLogger('gatehouse').fatal({ err: error }, 'failed to start');
  process.exit(1);
});

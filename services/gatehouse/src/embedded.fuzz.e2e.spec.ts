import type { INestApplication } from '@nestjs/common';
import type { UserEvent } from '@gatehouse/contracts';
import { fold } from '@gatehouse/domain-kit';
import { EventStore } from '@gatehouse/event-store';
import { ApiClient, openApiFuzzScenarios } from '@gatehouse/testing';
import { userDecider, userInvariantViolations, userStreamId } from '@gatehouse/users-domain';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmbeddedApp } from './embedded-app';
import { loadEmbeddedConfig } from './embedded-config';

/**
 * Issue 11's fuzz suite against the embedded app. `npm test` runs a fixed-seed slice; `npm run fuzz` a
 * longer run (FUZZ_RUNS requests per operation, FUZZ_SEED to replay one).
 */
const runs = Number(process.env['FUZZ_RUNS'] ?? 10);
const seed = Number(process.env['FUZZ_SEED'] ?? 11);

describe('embedded mode under fuzzing', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'gatehouse-fuzz-'));
  let app: INestApplication;
  let api: ApiClient;
  let operatorToken: string;

  beforeAll(async () => {
    const config = loadEmbeddedConfig({ GATEHOUSE_DATA_DIR: dataDir, PORT: '0' });
    app = await createEmbeddedApp(config, ['error', 'warn']);
    await app.listen(0, '127.0.0.1');
    api = new ApiClient(`http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`);
    operatorToken = config.operatorToken;
  });
  afterAll(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const userViolations = async (userId: string): Promise<string[]> => {
    const events = await app.get(EventStore).readStream(userStreamId(userId));
    const state = fold(
      userDecider.evolve,
      userDecider.initialState(),
      events.map((event) => ({ type: event.type, data: event.data }) as UserEvent),
    );
    return userInvariantViolations(state);
  };

  openApiFuzzScenarios(() => ({ users: api, projections: api, operatorToken, userViolations }), {
    seed,
    runs,
    timeoutMs: Math.max(60_000, runs * 4_000),
  });
});

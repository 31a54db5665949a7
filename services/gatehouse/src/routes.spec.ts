import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { denyByDefaultSpec, operationsOpenings } from '@gatehouse/testing';
import { loadEmbeddedConfig } from './embedded-config';
import { EmbeddedModule } from './embedded.module';

const config = loadEmbeddedConfig({ GATEHOUSE_DATA_DIR: mkdtempSync(join(tmpdir(), 'gatehouse-routes-')) });

denyByDefaultSpec('embedded runtime', () => EmbeddedModule.register(config), [
  ...operationsOpenings,
  'GET /reset-password (public)',
  'GET /set-password (public)',
  'POST /reset-password (public)',
  'POST /set-password (public)',
  'GET /v1/dead-letters (own:OperatorGuard)',
  'POST /v1/dead-letters/:key/retry (own:OperatorGuard)',
  'GET /accept-invite (public)',
  'POST /accept-invite (public)',
  'GET /v1/access/check/nginx (own:PlatformServiceGuard)',
  'POST /v1/access/check (own:PlatformServiceGuard)',
  'POST /internal/v1/accounts/:accountId/invited-users (own:InternalCallGuard)',
  'POST /v1/accounts (own:OperatorGuard)',
  'POST /v1/invite-acceptances (public)',
  'POST /v1/password-resets (public)',
  'POST /v1/read-models/rebuild (own:PlatformOperator)',
  'POST /v1/sessions (public)',
]);

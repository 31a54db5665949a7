import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface EmbeddedConfig {
  readonly dataDir: string;
  readonly port: number;
  readonly sessionKey: string;
  readonly operatorToken: string;
  readonly operatorTokenFile: string;
}

/**
 * Embedded mode needs no setup: its secrets are generated on first start into the data directory
 * (readable by the owner only) and reused afterwards, so sessions survive a restart. They are never logged.
 */
export function loadEmbeddedConfig(env: NodeJS.ProcessEnv = process.env): EmbeddedConfig {
  const dataDir = resolve(env['GATEHOUSE_DATA_DIR'] ?? './data');
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const operatorTokenFile = join(dataDir, 'operator.token');
  return {
    dataDir,
    port: Number(env['PORT'] ?? 3000),
    sessionKey: env['GATEHOUSE_SESSION_KEY'] ?? readOrCreate(join(dataDir, 'session.key')),
    operatorToken: env['GATEHOUSE_OPERATOR_TOKEN'] ?? readOrCreate(operatorTokenFile),
    operatorTokenFile,
  };
}

function readOrCreate(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

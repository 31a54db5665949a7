import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadEmbeddedConfig } from './embedded-config';

describe('the embedded configuration', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'gatehouse-config-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('hashes passwords on every core, its one event loop taking what it needs first', () => {
    const config = loadEmbeddedConfig({ GATEHOUSE_DATA_DIR: dataDir });
    expect(config.passwordHashing.concurrency).toBe(availableParallelism());
  });

  it('hashes as many at once as GATEHOUSE_HASH_CONCURRENCY says, when set', () => {
    const config = loadEmbeddedConfig({ GATEHOUSE_DATA_DIR: dataDir, GATEHOUSE_HASH_CONCURRENCY: '1' });
    expect(config.passwordHashing.concurrency).toBe(1);
  });
});

import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileOutboxNotifier, readOutbox } from './file-outbox-notifier';
import type { EmailMessage } from './notifier.port';

// The behaviour every Notifier shares runs in the contract suite (libs/testing); here: the files.
const changed = (correlationId: string, language = 'fr'): EmailMessage => ({
  to: 'zoe@example.com',
  language,
  template: 'password-changed',
  params: { firstName: 'Zoë' },
  correlationId,
});

describe('FileOutboxNotifier', () => {
  let root: string;
  let dir: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'gatehouse-outbox-'));
    dir = join(root, 'outbox');
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('writes one <timestamp>-<uuid>.json file per message, creating the directory, no temp file left', async () => {
    const before = new Date().toISOString();
    await new FileOutboxNotifier(dir).send(changed('corr-1'));
    const after = new Date().toISOString();

    const names = await readdir(dir);
    expect(names).toEqual([
      expect.stringMatching(
        /^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}Z-[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}\.json$/,
      ),
    ]);
    const stored = JSON.parse(await readFile(join(dir, names[0]), 'utf8'));
    expect(stored).toEqual({
      to: 'zoe@example.com',
      language: 'fr',
      subject: 'Votre mot de passe Gatehouse a été modifié',
      text: expect.stringMatching(
        /^Bonjour Zoë,\n\nLe mot de passe de votre compte Gatehouse a été modifié\./,
      ),
      template: 'password-changed',
      correlationId: 'corr-1',
      createdAt: expect.any(String),
    });
    expect(stored.createdAt >= before && stored.createdAt <= after).toBe(true);
    expect(names[0].startsWith(stored.createdAt.replace(/:/g, '-'))).toBe(true);
  });

  it('makes the directory again when it was removed after an earlier message', async () => {
    const outbox = new FileOutboxNotifier(dir);
    await outbox.send(changed('corr-1'));
    await rm(dir, { recursive: true });
    await outbox.send(changed('corr-2'));
    expect((await readOutbox(dir)).map((message) => message.correlationId)).toEqual(['corr-2']);
  });

  it('records the language used, not the one asked for', async () => {
    await new FileOutboxNotifier(dir).send(changed('corr-1', 'xx-unsupported'));
    expect(await readOutbox(dir)).toEqual([expect.objectContaining({ language: 'en' })]);
  });

  it('reads messages back oldest first, even within one millisecond', async () => {
    const outbox = new FileOutboxNotifier(dir);
    const ids = Array.from({ length: 20 }, (_, index) => `corr-${index}`);
    for (const id of ids) await outbox.send(changed(id));
    expect((await readOutbox(dir)).map((message) => message.correlationId)).toEqual(ids);
  });

  it('reads an outbox never written to as empty', async () => {
    expect(await readOutbox(join(root, 'never-written'))).toEqual([]);
  });

  it('skips a message still being written', async () => {
    const outbox = new FileOutboxNotifier(dir);
    await outbox.send(changed('corr-1'));
    await writeFile(join(dir, '.2099-01-01T00-00-00.000Z-partial.json.tmp'), '{"to":');
    expect((await readOutbox(dir)).map((message) => message.correlationId)).toEqual(['corr-1']);
  });

  it('writes nothing, not even the directory, for a message it cannot render', async () => {
    const unaddressed = { ...changed('corr-1'), to: '' };
    await expect(new FileOutboxNotifier(dir).send(unaddressed)).rejects.toThrow('no recipient');
    await expect(readdir(dir)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

import { appendFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileOutboxNotifier, type OutboxMessage, readOutbox } from './file-outbox-notifier';
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

  it('appends one JSON line a message to a <timestamp>-<uuid>.jsonl mailbox of its own, creating the directory', async () => {
    const before = new Date().toISOString();
    const outbox = new FileOutboxNotifier(dir);
    await outbox.send(changed('corr-1'));
    await outbox.send(changed('corr-2'));
    const after = new Date().toISOString();
    await new FileOutboxNotifier(dir).send(changed('corr-3'));

    const names = (await readdir(dir)).sort();
    expect(names).toEqual([
      expect.stringMatching(
        /^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}Z-[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}\.jsonl$/,
      ),
      expect.stringMatching(/\.jsonl$/),
    ]);
    const lines = (await readFile(join(dir, names[0]), 'utf8')).split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    const stored = JSON.parse(lines[0]);
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
    expect(JSON.parse(lines[1]).correlationId).toBe('corr-2');
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

  it('skips a message still being written, and reads it once its line is whole', async () => {
    const outbox = new FileOutboxNotifier(dir);
    await outbox.send(changed('corr-1'));
    const [name] = await readdir(dir);
    const whole = JSON.stringify({ ...(await readOutbox(dir))[0], correlationId: 'corr-2' });
    await appendFile(join(dir, name), whole.slice(0, 20));
    expect((await readOutbox(dir)).map((message) => message.correlationId)).toEqual(['corr-1']);
    await appendFile(join(dir, name), `${whole.slice(20)}\n`);
    expect((await readOutbox(dir)).map((message) => message.correlationId)).toEqual(['corr-1', 'corr-2']);
  });

  it('merges the mailboxes of several notifiers by the time each message was made', async () => {
    const users = new FileOutboxNotifier(dir);
    const invites = new FileOutboxNotifier(dir);
    const sent: string[] = [];
    for (let at = 0; at < 6; at++) {
      const id = `corr-${at}`;
      await (at % 2 === 0 ? users : invites).send(changed(id));
      sent.push(id);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    expect((await readOutbox(dir)).map((message) => message.correlationId)).toEqual(sent);
  });

  it('reads the file a message an earlier version wrote beside the mailboxes, by time', async () => {
    const outbox = new FileOutboxNotifier(dir);
    await outbox.send(changed('corr-new'));
    const [mailbox] = await readdir(dir);
    const written = JSON.parse(await readFile(join(dir, mailbox), 'utf8')) as OutboxMessage;
    const legacy = (correlationId: string, createdAt: string) => ({ ...written, correlationId, createdAt });
    const name = (createdAt: string) =>
      `${createdAt.replace(/:/g, '-')}-0190a000-0000-7000-8000-000000000001.json`;
    const earlier = '2026-01-01T00:00:00.000Z';
    await writeFile(join(dir, name(earlier)), JSON.stringify(legacy('corr-old', earlier)));
    // Not yet renamed into place: never read.
    await writeFile(join(dir, `.${name(earlier)}.tmp`), '{"to":');

    expect((await readOutbox(dir)).map((message) => message.correlationId)).toEqual(['corr-old', 'corr-new']);
  });

  it('writes nothing, not even the directory, for a message it cannot render', async () => {
    const unaddressed = { ...changed('corr-1'), to: '' };
    await expect(new FileOutboxNotifier(dir).send(unaddressed)).rejects.toThrow('no recipient');
    await expect(readdir(dir)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

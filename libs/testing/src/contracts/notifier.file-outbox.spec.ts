import { FileOutboxNotifier, readOutbox } from '@gatehouse/notifications';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { notifierContract } from './notifier.contract';

notifierContract('file outbox', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'gatehouse-outbox-'));
  return {
    notifier: new FileOutboxNotifier(dir),
    delivered: async () =>
      (await readOutbox(dir)).map(({ to, language, subject, text, correlationId }) => ({
        to,
        language,
        subject,
        text,
        correlationId,
      })),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
});

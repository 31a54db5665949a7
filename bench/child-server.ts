import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A bench server forked by the bench (bench/*.child.ts): listens on a free port, says `{ port }` to the
 * parent, and closes `store` and exits when the parent goes.
 */
export async function listenForParent(server: Server, store: { close(): Promise<void> }): Promise<void> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.on('disconnect', () => {
    server.close();
    void store.close().finally(() => process.exit(0));
  });
  process.send?.({ port: (server.address() as AddressInfo).port });
}

export function runChild(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

/**
 * Live projection batches run side by side (shared); a generation switch runs alone (exclusive): it waits
 * for the batches in flight, and batches arriving meanwhile wait for it. So no live write lands in the old
 * generation after the rebuild read the store for the last time before switching.
 */
export class SwitchLock {
  private active = 0;
  private exclusive: Promise<void> | null = null;
  private drained: (() => void) | null = null;

  async shared<T>(work: () => Promise<T>): Promise<T> {
    while (this.exclusive) await this.exclusive;
    this.active++;
    try {
      return await work();
    } finally {
      this.active--;
      if (this.active === 0) this.drained?.();
    }
  }

  async exclusively<T>(work: () => Promise<T>): Promise<T> {
    while (this.exclusive) await this.exclusive;
    let release: (() => void) | undefined;
    this.exclusive = new Promise<void>((resolve) => (release = resolve));
    try {
      if (this.active > 0) await new Promise<void>((resolve) => (this.drained = resolve));
      this.drained = null;
      return await work();
    } finally {
      this.exclusive = null;
      release?.();
    }
  }
}

/** The notice of an append whose event types are not known: it concerns every reader. */
const UNTYPED = '';

interface Latest {
  /** The notice count right after it. */
  readonly seq: number;
  readonly at: number;
}

interface Waiter {
  readonly types: ReadonlySet<string> | undefined;
  readonly maxMs: number;
  /** Whether any notice wakes it within `maxMs` after one of its types (a reader of the global order). */
  readonly window: boolean;
  readonly wake: () => void;
}

/**
 * Word that events may have been appended, so readers tailing the global order wait for it instead of
 * polling an idle store. A reader takes a mark before it reads; `wait` then returns at once if anything
 * that concerns it was appended since the mark (during the read), else on the next such notice, the signal,
 * or `maxMs` — the fallback that bounds what a lost notice can cost. A notice is only a hint to read again:
 * readers still read from their checkpoint, so a duplicate, early or ignored notice changes nothing but
 * when the next read happens.
 *
 * A notice names the types of the events appended, where the store knows them (with the kinds of event
 * that contracts' noticeNamesOf tags, such as `UserCreated.withRoles`, which count as types here), and a
 * reader may name the types it acts on: a notice of other types does not wake it (a reaction to users
 * created with roles is not woken by every login, nor by every create). Within `maxMs` after a notice of
 * its types, though, every notice wakes it: PostgreSQL may hold an event of its types back behind an
 * append still in progress (see its gh_read_all), and what releases it is that append's commit, whose
 * notice may name other types.
 */
export class AppendNotices {
  private count = 0;
  private readonly latest = new Map<string, Latest>();
  private readonly waiters = new Set<Waiter>();

  /**
   * `interested` is told what each wait is for (its types, or undefined for every notice) before it waits:
   * a store whose notices cost a process a wake-up each (PostgreSQL's) listens for no more than that.
   */
  constructor(private readonly interested?: (types: ReadonlySet<string> | undefined) => void) {}

  mark(): number {
    return this.count;
  }

  /** `types`: of the events appended; without them the notice concerns every reader. */
  notify(types?: readonly string[]): void {
    this.announce(types ?? [UNTYPED], performance.now());
  }

  /**
   * Wakes the readers of `types` to read again as their notice would, though no append of theirs is known
   * (a store that just started listening for them may have missed one): it opens no window.
   */
  readAgain(types: readonly string[]): void {
    this.announce(types, undefined);
  }

  /** `types`: those the reader acts on; every notice concerns a reader that names none. */
  wait(mark: number, maxMs: number, signal: AbortSignal, types?: ReadonlySet<string>): Promise<void> {
    return this.waitFor(mark, maxMs, signal, types, true);
  }

  /**
   * For a reader of streams rather than of the global order: returns on a notice of `types` (or untyped)
   * after the mark, the signal, or `maxMs`, and no other notice wakes it. A stream's read holds nothing
   * back, so the notice of the append it waits for is the one to read after.
   */
  waitForTypes(mark: number, types: ReadonlySet<string>, maxMs: number, signal: AbortSignal): Promise<void> {
    return this.waitFor(mark, maxMs, signal, types, false);
  }

  /** A notice of `types`, which opens their readers' window when it came `at` (an append's notice). */
  private announce(types: readonly string[], at: number | undefined): void {
    this.count++;
    for (const type of types)
      this.latest.set(type, { seq: this.count, at: at ?? this.latest.get(type)?.at ?? -Infinity });
    for (const waiter of [...this.waiters])
      if (this.concernedSince(this.count - 1, waiter.maxMs, waiter.types, waiter.window)) waiter.wake();
  }

  private waitFor(
    mark: number,
    maxMs: number,
    signal: AbortSignal,
    types: ReadonlySet<string> | undefined,
    window: boolean,
  ): Promise<void> {
    this.interested?.(types);
    if (signal.aborted || this.concernedSince(mark, maxMs, types, window)) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        this.waiters.delete(waiter);
        resolve();
      };
      const waiter: Waiter = { types, maxMs, window, wake: done };
      const timer = setTimeout(done, maxMs);
      signal.addEventListener('abort', done, { once: true });
      this.waiters.add(waiter);
    });
  }

  /**
   * Whether a notice after `mark` concerns the reader: one of its types or untyped, or, with `window`, any
   * at all while the latest of those is under `maxMs` old (every notice after the mark came after it then).
   */
  private concernedSince(
    mark: number,
    maxMs: number,
    types: ReadonlySet<string> | undefined,
    window: boolean,
  ): boolean {
    if (this.count === mark) return false;
    if (!types) return true;
    const latest = this.latestOf(types);
    return latest.seq > mark || (window && performance.now() - latest.at < maxMs);
  }

  /** The latest notice of any of `types`, or untyped. */
  private latestOf(types: ReadonlySet<string>): Latest {
    let found = this.latest.get(UNTYPED) ?? { seq: 0, at: -Infinity };
    for (const type of types) {
      const one = this.latest.get(type);
      if (one && one.seq > found.seq) found = one;
    }
    return found;
  }
}

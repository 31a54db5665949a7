/**
 * The instances of one service behind the gateway, taken in turn (round-robin). An instance that refused
 * a connection is passed over for a short cool-down, so requests after a crash go straight to the others;
 * when every instance is cooling down the turn order applies anyway (a refusal is a hint, not a verdict).
 */
export class UpstreamPool {
  private turn = 0;
  private readonly refusedUntil = new Map<string, number>();

  constructor(
    readonly urls: readonly string[],
    private readonly coolDownMs = 1000,
    private readonly now: () => number = Date.now,
  ) {
    if (urls.length === 0) throw new Error('an upstream needs at least one URL');
  }

  /** The next instance in turn not yet tried for this request, or undefined when all were tried. */
  pick(tried: ReadonlySet<string> = new Set()): string | undefined {
    const start = this.turn++ % this.urls.length;
    const inTurn = [...this.urls.slice(start), ...this.urls.slice(0, start)].filter((url) => !tried.has(url));
    return inTurn.find((url) => (this.refusedUntil.get(url) ?? 0) <= this.now()) ?? inTurn[0];
  }

  refused(url: string): void {
    this.refusedUntil.set(url, this.now() + this.coolDownMs);
  }
}

/** `http://a:1,http://b:2` → a pool of both; each must be an absolute http(s) URL. */
export function upstreamPool(list: string, coolDownMs?: number): UpstreamPool {
  const urls = list
    .split(',')
    .map((url) => url.trim().replace(/\/+$/, ''))
    .filter((url) => url !== '');
  for (const url of urls) {
    if (!/^https?:$/.test(new URL(url).protocol)) throw new Error(`upstream ${url} is not http(s)`);
  }
  return new UpstreamPool(urls, coolDownMs);
}

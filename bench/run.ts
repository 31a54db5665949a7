import 'reflect-metadata';
import { ensureKafka } from './kafka';
import { type SectionResult, verdict } from './report';

/**
 * `npm run bench`: every section in one run (or
 * `BENCH_ONLY=append|latency|rss|replay|roles|gateway|hashing|credentials|logging|readside|relay|invites|edge|history`), each printing its figures
 * beside its target, then a summary. Ctrl-C stops the running section, which
 * still cleans up after itself. Exit code 1 when a section failed to run; a missed target is reported, not
 * an error. Sections load lazily, so the Kafka broker is up before the latency section's modules read the
 * environment.
 * BENCH_SECONDS sets both the append slices (default 5) and the latency run (default 20);
 * BENCH_REPLAY_EVENTS the replay's larger table (default 1,000,000); BENCH_ROLES_USERS the account sizes
 * of the roles section (default 10,100000,1000000); BENCH_CREDENTIAL_TRIES the credentials section's tries
 * of each kind (default 200); BENCH_READSIDE_USERS the large account of the
 * read-side section (default 10,000; the figures take 1,000,000); BENCH_EDGE_SECONDS each edge
 * measurement (default 5); BENCH_HISTORY_LOGINS the long history (default 100,000) and BENCH_HISTORY_TRIES
 * the logins measured per user (default 200, five gets each: a p99 of fewer gets is a handful of outliers).
 */
const sections = {
  append: async () => (await import('./append')).appendSection(),
  latency: async (signal: AbortSignal) => {
    // Before anything reads the test environment (read once, when @gatehouse/testing is first loaded).
    ensureKafka();
    return (await import('./create-to-listed')).createToListedSection({ signal });
  },
  rss: async (signal: AbortSignal) => (await import('./embedded-rss')).embeddedRssSection({ signal }),
  // After latency: it loads @gatehouse/testing, whose environment must be read once Kafka is set.
  replay: async (signal: AbortSignal) => (await import('./replay')).replaySection({ signal }),
  roles: async () => (await import('./roles')).rolesSection(),
  hashing: async () => (await import('./hashing')).hashingSection(),
  credentials: async () => (await import('./credentials')).credentialsSection(),
  gateway: async () => {
    ensureKafka();
    return (await import('./gateway')).gatewaySection();
  },
  logging: async () => {
    ensureKafka();
    return (await import('./logging')).loggingSection();
  },
  readside: async (signal: AbortSignal) => (await import('./readside')).readsideSection({ signal }),
  relay: async (signal: AbortSignal) => {
    ensureKafka();
    return (await import('./relay')).relaySection({ signal });
  },
  invites: async () => (await import('./invites')).invitesSection(),
  edge: async () => (await import('./edge')).edgeSection(),
  history: async () => (await import('./history')).historySection(),
} satisfies Record<string, (signal: AbortSignal) => Promise<SectionResult>>;

type SectionName = keyof typeof sections;

async function main(): Promise<void> {
  const only = process.env['BENCH_ONLY'];
  const names = Object.keys(sections) as SectionName[];
  if (only !== undefined && !names.includes(only as SectionName)) {
    throw new Error(`BENCH_ONLY must be one of ${names.join(', ')}`);
  }
  const interrupt = new AbortController();
  process.once('SIGINT', () => interrupt.abort());
  console.log(`gatehouse bench on ${new Date().toISOString()} (node ${process.version})`);
  const results: SectionResult[] = [];
  for (const name of only ? [only as SectionName] : names) {
    if (interrupt.signal.aborted) break;
    try {
      results.push(await sections[name](interrupt.signal));
    } catch (error) {
      console.error(`section ${name} failed:`, error);
      process.exitCode = 1;
    }
  }
  console.log('\n== Summary ==');
  for (const result of results)
    console.log(`${verdict(result.pass)}  ${result.section.padEnd(8)} ${result.headline}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

import { BATCH, RELAY_BATCH, runReplayBench } from './event-store-replay';
import { heading, type SectionResult, verdict } from './report';

const TARGET_RATIO = 0.5;
/** The adapter's rate at the largest size over its rate at the smallest: replay must not slow as it grows. */
const TARGET_GROWTH = 0.8;
const MB = 1024 * 1024;

/** A full replay of the global order through the PostgreSQL adapter's readAll, beside a raw cursor. */
export async function replaySection(options: { signal?: AbortSignal } = {}): Promise<SectionResult> {
  heading('Event store replay (PostgreSQL adapter readAll vs raw cursor baseline)');
  console.log(
    `batches of ${BATCH} (and ${RELAY_BATCH} for the adapter); started ${new Date().toISOString()}`,
  );
  const rows = await runReplayBench({ signal: options.signal });
  console.log(
    'events in table | raw cursor events/s | adapter events/s | ratio | ' +
      `adapter (${RELAY_BATCH}) events/s | RSS after | target ≥ ${TARGET_RATIO.toFixed(2)}`,
  );
  for (const row of rows) {
    const cells = [
      String(row.events).padStart(15),
      row.rawPerSecond.toFixed(0).padStart(19),
      row.adapterPerSecond.toFixed(0).padStart(16),
      row.ratio.toFixed(2).padStart(5),
      row.relayBatchPerSecond.toFixed(0).padStart(22),
      `${(row.rssBytes / MB).toFixed(0)} MB`.padStart(9),
      verdict(row.ratio >= TARGET_RATIO),
    ];
    console.log(cells.join(' | '));
  }
  const [first, last] = [rows[0], rows[rows.length - 1]];
  const growth = last.adapterPerSecond / first.adapterPerSecond;
  // The raw cursor's own change is there to read the adapter's against: when both fall alike, the machine
  // got slower between the sizes (other work on it), not the adapter's read.
  const rawGrowth = last.rawPerSecond / first.rawPerSecond;
  console.log(
    `adapter rate at ${last.events} against ${first.events} events: ${growth.toFixed(2)}× ` +
      `(target ≥ ${TARGET_GROWTH.toFixed(2)}) ${verdict(growth >= TARGET_GROWTH)}; ` +
      `raw cursor ${rawGrowth.toFixed(2)}×`,
  );
  const ratios = rows.map((row) => `${row.ratio.toFixed(2)} (${row.events})`).join(', ');
  const rates = rows
    .map((row) => `${(row.adapterPerSecond / 1000).toFixed(0)}k/s (${row.events})`)
    .join(', ');
  return {
    section: 'replay',
    pass: rows.every((row) => row.ratio >= TARGET_RATIO) && growth >= TARGET_GROWTH,
    headline:
      `ratio ${ratios} (target ≥ ${TARGET_RATIO}); ` +
      `adapter ${rates}: ${growth.toFixed(2)}× (target ≥ ${TARGET_GROWTH})`,
  };
}

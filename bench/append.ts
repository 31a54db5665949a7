import { runAppendBench } from './event-store-append';
import { heading, type SectionResult, verdict } from './report';

const TARGET_RATIO = 0.8;

/** The PostgreSQL adapter's append rate against a raw INSERT of the same row, 1 and 32 writers. */
export async function appendSection(): Promise<SectionResult> {
  heading('Event store appends (PostgreSQL adapter vs raw INSERT baseline)');
  console.log(`started ${new Date().toISOString()}`);
  const rows = await runAppendBench();
  console.log(
    `writers | baseline appends/s | adapter appends/s | ratio | target ≥ ${TARGET_RATIO.toFixed(2)}`,
  );
  for (const row of rows) {
    const cells = [
      String(row.writers).padStart(7),
      row.baselinePerSecond.toFixed(0).padStart(18),
      row.adapterPerSecond.toFixed(0).padStart(17),
      row.ratio.toFixed(2).padStart(5),
      verdict(row.ratio >= TARGET_RATIO),
    ];
    console.log(cells.join(' | '));
  }
  return {
    section: 'append',
    pass: rows.every((row) => row.ratio >= TARGET_RATIO),
    headline: `ratio ${rows.map((row) => `${row.ratio.toFixed(2)} (${row.writers}w)`).join(', ')} (target ≥ ${TARGET_RATIO})`,
  };
}

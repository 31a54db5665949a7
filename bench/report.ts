import { build, type Histogram } from 'hdr-histogram-js';

/** What every section hands back to `run.ts`: its own verdict, for the summary line. */
export interface SectionResult {
  readonly section: string;
  readonly pass: boolean;
  readonly headline: string;
}

export function verdict(pass: boolean): 'PASS' | 'MISS' {
  return pass ? 'PASS' : 'MISS';
}

export function heading(title: string): void {
  console.log(`\n== ${title} ==`);
}

/** Latencies are recorded in microseconds (integers, as HdrHistogram wants) and printed in milliseconds. */
export function latencyHistogram(): Histogram {
  return build({ lowestDiscernibleValue: 1, numberOfSignificantValueDigits: 3 });
}

export function recordMs(histogram: Histogram, ms: number): void {
  histogram.recordValue(Math.max(1, Math.round(ms * 1000)));
}

export function percentileMs(histogram: Histogram, percentile: number): number {
  return histogram.getValueAtPercentile(percentile) / 1000;
}

export function maxMs(histogram: Histogram): number {
  return histogram.maxValue / 1000;
}

const ms = (value: number): string => `${value.toFixed(1)} ms`.padStart(10);

/** One row: label, count, p50/p90/p99/max. */
export function latencyRow(label: string, histogram: Histogram): string {
  if (histogram.totalCount === 0) return `${label.padEnd(24)} (no samples)`;
  const cells = [50, 90, 99].map((p) => ms(percentileMs(histogram, p)));
  return `${label.padEnd(24)} n=${String(histogram.totalCount).padEnd(6)} p50${cells[0]}  p90${cells[1]}  p99${cells[2]}  max${ms(maxMs(histogram))}`;
}

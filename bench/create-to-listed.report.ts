import type { Histogram } from 'hdr-histogram-js';
import { testEnv } from '@gatehouse/testing';
import { kafkaSendTimes } from './kafka-timestamps';
import type { OpenLoopResult } from './open-loop';
import { latencyHistogram, latencyRow, percentileMs, recordMs, type SectionResult, verdict } from './report';

/** One measured user, times from `performance.now()` in this process. */
export interface Sample {
  readonly streamId: string;
  readonly sentAt: number;
  readonly respondedAt: number;
  readonly listedAt: number;
}

export interface Tally {
  sent: number;
  /** 201 responses, warm-up included. */
  created: number;
  /** Failed measured requests. */
  errors: number;
  inFlight: number;
  firstError: string;
}

export interface LatencyRun {
  readonly samples: readonly Sample[];
  readonly measured: number;
  readonly measuredFrom: number;
  readonly tally: Tally & { readonly unlisted: number };
  readonly run: OpenLoopResult & { readonly completedPerSecond: number; readonly rate: number };
  /** The users topic, where the relay's send time of each UserCreated can be read back. */
  readonly topic: string;
}

const TARGET_P99_MS = 250;

export async function printLatencies(run: LatencyRun): Promise<SectionResult> {
  const { samples, tally } = run;
  const listed = histogramOf(samples, (s) => s.listedAt - s.sentAt);
  const p99 = percentileMs(listed, 99);
  const pass =
    tally.errors === 0 && tally.unlisted === 0 && samples.length === run.measured && p99 < TARGET_P99_MS;
  console.log(
    `${latencyRow('create → listed', listed)}   target p99 < ${TARGET_P99_MS} ms: ${verdict(pass)}`,
  );
  print(
    'HTTP create response',
    histogramOf(samples, (s) => s.respondedAt - s.sentAt),
  );
  print(
    'projection lag',
    histogramOf(samples, (s) => s.listedAt - s.respondedAt),
    '(listed − HTTP response)',
  );
  await printLagSplit(run.topic, samples);
  console.log(
    `per second, worst create → listed (ms): ${worstPerSecond(samples, run.measuredFrom).join(' ')}`,
  );
  const sendSeconds = run.run.elapsedMs / 1000;
  console.log(
    `sent ${run.run.sent} in ${sendSeconds.toFixed(2)} s (${(run.run.sent / sendSeconds).toFixed(1)}/s offered, ` +
      `generator max slip ${run.run.maxSlipMs.toFixed(1)} ms); ${tally.created} created ` +
      `(${run.run.completedPerSecond.toFixed(1)}/s completed), ${samples.length} measured; ` +
      `errors ${tally.errors}; not listed within the drain time: ${tally.unlisted}`,
  );
  if (tally.firstError) console.log(`first error: ${tally.firstError}`);
  listed.destroy();
  return {
    section: 'latency',
    pass,
    headline: `create→listed p99 ${p99.toFixed(1)} ms at ${run.run.rate}/s (target < ${TARGET_P99_MS} ms)`,
  };
}

/**
 * Projection lag in two: HTTP response → the relay's send to Kafka (its poll, read, and the produce), and
 * that send → listed (broker, consumer fetch, Redis write, this bench's poll). Same machine, same clock.
 */
async function printLagSplit(topic: string, samples: readonly Sample[]): Promise<void> {
  const sendTimes = await kafkaSendTimes(
    testEnv.kafkaBrokers,
    topic,
    new Set(samples.map((s) => s.streamId)),
  );
  const relayed = samples.flatMap((s) => {
    const sent = sendTimes.get(s.streamId);
    return sent === undefined ? [] : [{ ...s, relayedAt: sent - performance.timeOrigin }];
  });
  // The relay may send before the response reaches this process; those count as 0 in the first row.
  const early = relayed.filter((s) => s.relayedAt < s.respondedAt).length;
  print(
    '  response → relay sent',
    histogramOf(relayed, (s) => Math.max(0, s.relayedAt - s.respondedAt)),
    `(${early} sent before the response arrived)`,
  );
  print(
    '  relay sent → listed',
    histogramOf(relayed, (s) => s.listedAt - s.relayedAt),
  );
}

/** The slowest create → listed of the users sent in each second: shows whether a tail is a stall or spread. */
function worstPerSecond(samples: readonly Sample[], from: number): number[] {
  const worst: number[] = [];
  for (const s of samples) {
    const second = Math.floor((s.sentAt - from) / 1000);
    worst[second] = Math.max(worst[second] ?? 0, Math.round(s.listedAt - s.sentAt));
  }
  return Array.from(worst, (value) => value ?? 0);
}

function histogramOf<T>(items: readonly T[], value: (item: T) => number): Histogram {
  const histogram = latencyHistogram();
  for (const item of items) recordMs(histogram, value(item));
  return histogram;
}

function print(label: string, histogram: Histogram, note = ''): void {
  console.log(`${latencyRow(label, histogram)}${note ? `   ${note}` : ''}`);
  histogram.destroy();
}

import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * How often the event-loop delay histogram samples (prom-client's default is 10 ms). Each sample is a timer
 * that wakes the process: at 10 ms every idle service woke 100 times a second (strace of an idle roles
 * service; ~1,200 wake-ups a second across an idle distributed stack). Sampled every 100 ms, a scrape
 * every 15 s still holds 150 samples, and a stall of the loop longer than that is caught every time.
 */
const EVENT_LOOP_SAMPLE_MS = 100;

/**
 * One Prometheus registry per process (not prom-client's global one, so several apps in one test process
 * do not collide), every series labelled with the service. Labels carry route patterns, statuses and
 * outcomes only: never ids, tokens or anything a caller typed.
 */
export class Metrics {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'gatehouse_http_request_duration_seconds',
    help: 'HTTP request duration by route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  /** Writes over HTTP by outcome: ok (2xx), conflict (409), refused (any other 4xx). */
  readonly commands = new Counter({
    name: 'gatehouse_commands_total',
    help: 'Commands received over HTTP, by outcome',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  readonly eventsAppended = new Counter({
    name: 'gatehouse_events_appended_total',
    help: 'Events appended to the event store by this process',
    registers: [this.registry],
  });

  readonly eventsPublished = new Counter({
    name: 'gatehouse_relay_events_published_total',
    help: 'Events the relay published and checkpointed',
    registers: [this.registry],
  });

  readonly relayLag = new Gauge({
    name: 'gatehouse_relay_lag_seconds',
    help: 'Age of the newest event the relay published, when it published it',
    registers: [this.registry],
  });

  readonly projectionLag = new Histogram({
    name: 'gatehouse_projection_lag_seconds',
    help: 'From an event being stored to its read-model write',
    labelNames: ['projection'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });

  readonly loginsThrottled = new Counter({
    name: 'gatehouse_logins_throttled_total',
    help: 'Logins refused with 429 for too many recent failures, by address or username',
    labelNames: ['by'] as const,
    registers: [this.registry],
  });

  readonly notifications = new Counter({
    name: 'gatehouse_notifications_total',
    help: 'Messages handed to the notifier, by outcome',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  constructor(service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: EVENT_LOOP_SAMPLE_MS });
  }

  /** The text exposition format, for GET /metrics. */
  async exposition(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}

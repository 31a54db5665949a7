import { type StoredEvent, Topics, topicForStream } from '@gatehouse/contracts';
import type { IHeaders, KafkaMessage, Message } from 'kafkajs';

/**
 * StoredEvent <-> Kafka record in the CloudEvents Kafka protocol binding, binary content mode: the body is
 * the JSON of `data`, every other attribute a `ce_` header holding its canonical string form. Envelope
 * fields CloudEvents has no attribute for travel as extensions (lower-case alphanumeric names).
 * An absent causation id is an absent header: CloudEvents attributes have no null. The request's W3C trace
 * context is the distributed-tracing extension's `traceparent` attribute, so `ce_traceparent`.
 */
const contextByTopic = new Map<string, string>(
  Object.entries(Topics).map(([context, topic]) => [topic, context]),
);

export class MalformedKafkaEvent extends Error {
  readonly code = 'MALFORMED_KAFKA_EVENT';

  constructor(reason: string) {
    super(`not a Gatehouse CloudEvent: ${reason}`);
    this.name = 'MalformedKafkaEvent';
  }
}

export function toKafkaMessage(event: StoredEvent): Message {
  const headers: IHeaders = {
    ce_specversion: '1.0',
    ce_id: event.eventId,
    ce_type: event.type,
    ce_source: `/gatehouse/${contextByTopic.get(topicForStream(event.streamId))}`,
    ce_subject: event.streamId,
    ce_time: event.occurredAt,
    'content-type': 'application/json',
    ce_schemaversion: String(event.schemaVersion),
    ce_streamposition: String(event.streamPosition),
    ce_globalposition: String(event.globalPosition),
    ce_checkpoint: event.checkpoint,
    ce_accountid: event.accountId,
    ce_actor: event.actor,
    ce_correlationid: event.correlationId,
  };
  if (event.causationId !== null) headers['ce_causationid'] = event.causationId;
  if (event.traceparent !== undefined) headers['ce_traceparent'] = event.traceparent;
  return { key: event.streamId, value: JSON.stringify(event.data), headers };
}

export function fromKafkaMessage(message: KafkaMessage): StoredEvent {
  const headers = message.headers ?? {};
  const text = (name: string): string | undefined => {
    const value = headers[name];
    if (Array.isArray(value)) throw new MalformedKafkaEvent(`header ${name} appears more than once`);
    return value === undefined ? undefined : value.toString();
  };
  const required = (name: string): string => {
    const value = text(name);
    if (value === undefined) throw new MalformedKafkaEvent(`header ${name} is missing`);
    return value;
  };
  const integer = (name: string): number => {
    const value = Number(required(name));
    if (!Number.isSafeInteger(value)) throw new MalformedKafkaEvent(`header ${name} is not an integer`);
    return value;
  };

  if (required('ce_specversion') !== '1.0') throw new MalformedKafkaEvent('ce_specversion is not 1.0');
  if (!/^application\/json\b/.test(text('content-type') ?? '')) {
    throw new MalformedKafkaEvent('content-type is not application/json');
  }
  if (message.value === null) throw new MalformedKafkaEvent('the body is empty');
  const traceparent = text('ce_traceparent');
  return {
    eventId: required('ce_id'),
    type: required('ce_type'),
    schemaVersion: integer('ce_schemaversion'),
    streamId: required('ce_subject'),
    streamPosition: integer('ce_streamposition'),
    globalPosition: integer('ce_globalposition'),
    checkpoint: required('ce_checkpoint'),
    accountId: required('ce_accountid'),
    occurredAt: required('ce_time'),
    actor: required('ce_actor'),
    correlationId: required('ce_correlationid'),
    causationId: text('ce_causationid') ?? null,
    ...(traceparent === undefined ? {} : { traceparent }),
    data: JSON.parse(message.value.toString('utf8')),
  };
}

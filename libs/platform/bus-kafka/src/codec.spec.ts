import type { StoredEvent } from '@gatehouse/contracts';
import type { IHeaders, KafkaMessage, Message } from 'kafkajs';
import { fromKafkaMessage, MalformedKafkaEvent, toKafkaMessage } from './codec';

const event: StoredEvent = {
  eventId: '0195a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
  type: 'UserCreated',
  schemaVersion: 2,
  streamId: 'user-42',
  streamPosition: 7,
  globalPosition: 9_007_199_254_740_991,
  checkpoint: '0/16B3748:3',
  accountId: 'acct-1',
  occurredAt: '2025-03-04T05:06:07.089Z',
  actor: 'user-Zoë',
  correlationId: 'corr-1',
  causationId: 'cause-1',
  data: { userId: '42', name: 'Zoë ✓', tags: ['a', null] },
};

/** What a consumer gets back: kafkajs hands over key, value and header values as Buffers. */
function received(message: Message, headers: IHeaders = {}): KafkaMessage {
  const asBuffers = Object.entries({ ...message.headers, ...headers }).map(([name, value]) => [
    name,
    typeof value === 'string' ? Buffer.from(value) : value,
  ]);
  return {
    key: Buffer.from(String(message.key)),
    value: message.value === null ? null : Buffer.from(message.value as string),
    headers: Object.fromEntries(asBuffers.filter(([, value]) => value !== undefined)),
    timestamp: '0',
    attributes: 0,
    offset: '0',
    size: 0,
  };
}

describe('the Kafka codec', () => {
  it('writes a binary-mode CloudEvent keyed by stream, the body being the JSON of data', () => {
    const message = toKafkaMessage(event);
    expect(message.key).toBe('user-42');
    expect(JSON.parse(message.value as string)).toEqual(event.data);
    expect(message.headers).toEqual({
      ce_specversion: '1.0',
      ce_id: event.eventId,
      ce_type: 'UserCreated',
      ce_source: '/gatehouse/users',
      ce_subject: 'user-42',
      ce_time: '2025-03-04T05:06:07.089Z',
      'content-type': 'application/json',
      ce_schemaversion: '2',
      ce_streamposition: '7',
      ce_globalposition: '9007199254740991',
      ce_checkpoint: '0/16B3748:3',
      ce_accountid: 'acct-1',
      ce_actor: 'user-Zoë',
      ce_correlationid: 'corr-1',
      ce_causationid: 'cause-1',
    });
  });

  it('names every header in lower case, as CloudEvents attribute names must be', () => {
    for (const name of Object.keys(toKafkaMessage(event).headers ?? {})) {
      expect(name).toMatch(/^(ce_[a-z0-9]{1,20}|content-type)$/);
    }
  });

  it('reads back the event it wrote', () => {
    expect(fromKafkaMessage(received(toKafkaMessage(event)))).toEqual(event);
  });

  it('leaves out the causation header when there is no cause, and reads that back as null', () => {
    const first = { ...event, causationId: null };
    const message = toKafkaMessage(first);
    expect(message.headers).not.toHaveProperty('ce_causationid');
    expect(fromKafkaMessage(received(message))).toEqual(first);
  });

  it('carries the trace context as the distributed-tracing extension, and reads it back', () => {
    const traced = { ...event, traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' };
    const message = toKafkaMessage(traced);
    expect(message.headers?.['ce_traceparent']).toBe(traced.traceparent);
    expect(fromKafkaMessage(received(message))).toEqual(traced);
  });

  it('reads an event without a trace context as one without traceparent', () => {
    expect(toKafkaMessage(event).headers).not.toHaveProperty('ce_traceparent');
    expect(fromKafkaMessage(received(toKafkaMessage(event)))).not.toHaveProperty('traceparent');
  });

  it('names the context the stream belongs to as the source', () => {
    expect(toKafkaMessage({ ...event, streamId: 'roles-acct-1' }).headers?.['ce_source']).toBe(
      '/gatehouse/roles',
    );
  });

  it('refuses to encode an event of a stream no topic is mapped for', () => {
    expect(() => toKafkaMessage({ ...event, streamId: 'nowhere-1' })).toThrow(/no topic/);
  });

  describe('when a record is not a Gatehouse CloudEvent', () => {
    const malformed: Array<[string, IHeaders, RegExp]> = [
      ['a required header is missing', { ce_accountid: undefined }, /ce_accountid is missing/],
      ['the spec version is another', { ce_specversion: '0.3' }, /ce_specversion is not 1.0/],
      ['the content type is not JSON', { 'content-type': 'text/plain' }, /content-type/],
      ['a position is not an integer', { ce_streamposition: '7.5' }, /ce_streamposition is not an integer/],
      ['a position is beyond exact integers', { ce_globalposition: '9007199254740993' }, /ce_globalposition/],
      ['a header is repeated', { ce_type: ['UserCreated', 'UserDeleted'] }, /ce_type appears more than once/],
    ];

    it.each(malformed)('rejects it when %s', (_, headers, reason) => {
      const message = received(toKafkaMessage(event), headers);
      expect(() => fromKafkaMessage(message)).toThrow(MalformedKafkaEvent);
      expect(() => fromKafkaMessage(message)).toThrow(reason);
    });

    it('rejects a record without a body', () => {
      const message = { ...received(toKafkaMessage(event)), value: null };
      expect(() => fromKafkaMessage(message)).toThrow(/the body is empty/);
    });

    it('accepts a JSON content type with parameters', () => {
      const message = received(toKafkaMessage(event), { 'content-type': 'application/json; charset=utf-8' });
      expect(fromKafkaMessage(message)).toEqual(event);
    });
  });
});

// kafkajs's per-connection request queue, as patched by patches/kafkajs+2.2.4.patch (applied by npm's
// postinstall): an idle connection must not check its empty queue every millisecond (kafkajs #1556), while
// a throttled or full queue must still send what waits. An upgrade that drops the patch fails here.
const RequestQueue = require('kafkajs/src/network/requestQueue') as new (options: object) => Queue;

interface Queue {
  push(request: { entry: Entry; expectResponse: boolean; sendRequest: () => void }): void;
  fulfillRequest(response: { correlationId: number; payload: Buffer; size: number }): void;
  maybeThrottle(ms: number): void;
}

interface Entry {
  correlationId: number;
  resolve: () => void;
  reject: () => void;
}

const silent = { debug: () => undefined, warn: () => undefined };

function queue(maxInFlightRequests: number | null = null) {
  const sent: number[] = [];
  const requests = new RequestQueue({
    maxInFlightRequests,
    requestTimeout: 30_000,
    enforceRequestTimeout: false,
    clientId: 'spec',
    broker: 'localhost:9092',
    logger: silent,
  });
  const push = (correlationId: number) =>
    requests.push({
      entry: { correlationId, resolve: () => undefined, reject: () => undefined },
      expectResponse: true,
      sendRequest: () => sent.push(correlationId),
    });
  const answer = (correlationId: number) =>
    requests.fulfillRequest({ correlationId, payload: Buffer.alloc(0), size: 0 });
  return { requests, sent, push, answer };
}

beforeEach(() => jest.useFakeTimers({ now: 1_000_000 }));
afterEach(() => jest.useRealTimers());

describe('kafkajs request queue (patched)', () => {
  it('keeps no timer once a request is answered and nothing waits', () => {
    const { sent, push, answer } = queue();
    push(1);
    answer(1);
    expect(sent).toEqual([1]);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('sends a request that waited out a throttle, then goes quiet', () => {
    const { requests, sent, push, answer } = queue();
    requests.maybeThrottle(50);
    push(1);
    jest.advanceTimersByTime(49);
    expect(sent).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(sent).toEqual([1]);
    answer(1);
    jest.advanceTimersByTime(1000);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('sends a request held back by the in-flight limit when an answer frees a slot', () => {
    const { sent, push, answer } = queue(1);
    push(1);
    push(2);
    expect(sent).toEqual([1]);
    answer(1);
    expect(sent).toEqual([1, 2]);
    answer(2);
    // The check scheduled while request 2 waited runs once, finds nothing and schedules no other.
    jest.advanceTimersByTime(10);
    expect(jest.getTimerCount()).toBe(0);
  });
});

import {
  EventSubscriber,
  type HandlerErrorReporter,
  reportToConsole,
  type SubscribeOptions,
  type Subscription,
  retryUntilHandled,
} from '@gatehouse/bus';
import type { StoredEvent } from '@gatehouse/contracts';
import type { Kafka } from 'kafkajs';
import { fromKafkaMessage } from './codec';
import { IntervalCommits } from './interval-commits';

export interface KafkaSubscriberOptions {
  /** Goes before every topic name; tests use it to keep their topics apart. */
  readonly topicPrefix?: string;
  readonly onError?: HandlerErrorReporter;
  /**
   * How many partitions' batches may be handled at once (default 1). Order within a partition, so per
   * key, holds either way; above 1 the handler must tolerate calls that overlap. Handling partitions one
   * after another makes a record wait for every other partition's batch of the same fetch.
   */
  readonly partitionsConsumedConcurrently?: number;
  /**
   * How long the group coordinator waits for a silent member before giving its partitions to the others
   * (default 10 s; kafkajs's own is 30 s), and how often members say they are alive (default 1 s, a tenth
   * of it). A killed consumer's partitions stand still for about this long, so 10 s bounds that pause
   * while a member still has to stall for 10 s — far beyond a GC pause or a slow batch, during which the
   * handler heartbeats — before it is wrongly evicted. The broker accepts 6 s to 30 min by default.
   */
  readonly sessionTimeoutMs?: number;
  readonly heartbeatIntervalMs?: number;
  /**
   * How long handled offsets may wait before they are committed (default 1 s). A commit per batch was a
   * third of the broker's CPU per event at a few hundred events a second; a member that dies before its
   * commit hands its last second of records to the partition's next owner again, which handlers dedupe
   * (by stream position) as they dedupe any redelivery. Close commits what is handled before it leaves.
   */
  readonly commitIntervalMs?: number;
}

/**
 * One kafkajs consumer per subscription, in the given group. A group new to a topic starts at its
 * beginning. Each fetched batch (one partition) is decoded and handed to the handler until it succeeds
 * (decoding included, so a malformed record blocks its partition loudly rather than vanishing); only
 * then is its offset resolved, for the next commit (`commitIntervalMs`). A consumer that loses the
 * partition meanwhile stops retrying, and the partition's next owner starts from the last committed offset.
 */
export class KafkaEventSubscriber extends EventSubscriber {
  private readonly topicPrefix: string;
  private readonly onError: HandlerErrorReporter;
  private readonly partitionsConsumedConcurrently: number;
  private readonly sessionTimeout: number;
  private readonly heartbeatInterval: number;
  private readonly commitInterval: number;

  constructor(
    private readonly kafka: Kafka,
    options: KafkaSubscriberOptions = {},
  ) {
    super();
    this.topicPrefix = options.topicPrefix ?? '';
    this.onError = options.onError ?? reportToConsole;
    this.partitionsConsumedConcurrently = options.partitionsConsumedConcurrently ?? 1;
    this.sessionTimeout = options.sessionTimeoutMs ?? 10_000;
    this.heartbeatInterval = options.heartbeatIntervalMs ?? 1_000;
    this.commitInterval = options.commitIntervalMs ?? 1_000;
  }

  async subscribe(
    options: SubscribeOptions,
    handle: (batch: readonly StoredEvent[]) => Promise<void>,
  ): Promise<Subscription> {
    const consumer = this.kafka.consumer({
      groupId: options.groupId,
      allowAutoTopicCreation: false,
      // A fetch waits this long for new records, and close waits for the fetch: kafkajs's 5 s default
      // would make every close take 5 s. 500 ms is the Java client's default.
      maxWaitTimeInMs: 500,
      sessionTimeout: this.sessionTimeout,
      heartbeatInterval: this.heartbeatInterval,
    });
    // A consumer that crashed for good would otherwise stop delivering without a word.
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (!payload.restart) this.onError(payload.error);
    });
    const commits = new IntervalCommits(this.commitInterval, (error) =>
      this.onError(new Error('offsets not committed; the next commit covers them', { cause: error })),
    );
    await consumer.connect();
    try {
      await consumer.subscribe({
        topics: options.topics.map((topic) => this.topicPrefix + topic),
        fromBeginning: true,
      });
      await consumer.run({
        autoCommit: false,
        partitionsConsumedConcurrently: this.partitionsConsumedConcurrently,
        eachBatchAutoResolve: false,
        eachBatch: async ({
          batch,
          resolveOffset,
          commitOffsetsIfNecessary,
          uncommittedOffsets,
          ...state
        }) => {
          const handled = await retryUntilHandled(() => handle(batch.messages.map(fromKafkaMessage)), {
            onError: this.onError,
            active: () => state.isRunning() && !state.isStale(),
            beforeRetry: state.heartbeat,
          });
          if (!handled) return;
          resolveOffset(batch.lastOffset());
          await commits.due(() => commitOffsetsIfNecessary(uncommittedOffsets()));
        },
      });
    } catch (error) {
      await consumer.disconnect();
      throw error;
    }
    return {
      close: async () => {
        await commits.close();
        await consumer.disconnect();
      },
    };
  }
}

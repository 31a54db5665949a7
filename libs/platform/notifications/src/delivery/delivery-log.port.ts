/**
 * A message given up on after its retries: enough to find the event that called for it again (the
 * message itself is rebuilt then, so no link or address is kept here), and why it failed.
 */
export interface DeadLetter {
  /** The message's idempotency key: `<event id>:<template>`. */
  readonly key: string;
  /** The reaction that sends it (its checkpoint name); only that reaction's leader retries it. */
  readonly reaction: string;
  readonly streamId: string;
  readonly streamPosition: number;
  readonly template: string;
  /** Attempts so far, over every round of retries. */
  readonly attempts: number;
  /** The error's name or SMTP code: never its message, which may quote an address. */
  readonly reason: string;
  readonly parkedAt: string;
  /** An operator asked for another round; cleared when the letter is parked again. */
  readonly retryRequested: boolean;
}

/** A letter as SQL adapters store it: each database's own types of position, time and flag. */
export interface DeadLetterRow<Position, Time, Flag> {
  readonly key: string;
  readonly reaction: string;
  readonly stream_id: string;
  readonly stream_position: Position;
  readonly template: string;
  readonly attempts: number;
  readonly reason: string;
  readonly parked_at: Time;
  readonly retry_requested: Flag;
}

/** A letter's columns in SQL adapters, and its values in that order. */
export const DEAD_LETTER_COLUMNS =
  'key, reaction, stream_id, stream_position, template, attempts, reason, parked_at, retry_requested';

export const deadLetterValues = (letter: DeadLetter) =>
  [
    letter.key,
    letter.reaction,
    letter.streamId,
    letter.streamPosition,
    letter.template,
    letter.attempts,
    letter.reason,
    letter.parkedAt,
    letter.retryRequested,
  ] as const;

/**
 * The durable record of delivery, in the store's database: the keys of messages handed over (a repeat
 * of the same key sends nothing: after a crash, a leader change or a retried batch) and the dead
 * letters an operator lists and retries.
 */
export abstract class DeliveryLog {
  abstract wasSent(key: string): Promise<boolean>;
  /** Records the key as sent and drops its dead letter, if any. */
  abstract recordSent(key: string): Promise<void>;
  /** Stores or replaces the letter with its key. */
  abstract park(letter: DeadLetter): Promise<void>;
  /** Every dead letter, oldest first. */
  abstract deadLetters(): Promise<DeadLetter[]>;
  /** Marks a letter for another round; false when there is no letter with that key. */
  abstract requestRetry(key: string): Promise<boolean>;
  /** The letters of `reaction` an operator asked to retry, oldest first. */
  abstract retriesRequested(reaction: string): Promise<DeadLetter[]>;
}

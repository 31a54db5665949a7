import { type DeadLetter, DeliveryLog } from './delivery-log.port';

/** Unit tests: the delivery log in a process's memory. */
export class InMemoryDeliveryLog extends DeliveryLog {
  private readonly sent = new Set<string>();
  private readonly letters = new Map<string, DeadLetter>();

  async wasSent(key: string): Promise<boolean> {
    return this.sent.has(key);
  }

  async recordSent(key: string): Promise<void> {
    this.sent.add(key);
    this.letters.delete(key);
  }

  async park(letter: DeadLetter): Promise<void> {
    this.letters.delete(letter.key);
    this.letters.set(letter.key, letter);
  }

  async deadLetters(): Promise<DeadLetter[]> {
    return [...this.letters.values()].sort((a, b) => a.parkedAt.localeCompare(b.parkedAt));
  }

  async requestRetry(key: string): Promise<boolean> {
    const letter = this.letters.get(key);
    if (letter) this.letters.set(key, { ...letter, retryRequested: true });
    return letter !== undefined;
  }

  async retriesRequested(reaction: string): Promise<DeadLetter[]> {
    return (await this.deadLetters()).filter(
      (letter) => letter.reaction === reaction && letter.retryRequested,
    );
  }
}

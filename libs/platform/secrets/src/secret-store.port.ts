/**
 * Secrets never travel in events (events reach Kafka and auditors): password hashes and, later, token
 * hashes and per-user keys live here instead, keyed by purpose and owner (`password:<userId>`).
 * Values are already hashed or encrypted by the caller; the store keeps them as given.
 */
export abstract class SecretStore {
  abstract put(key: string, value: string): Promise<void>;
  abstract get(key: string): Promise<string | null>;
  abstract delete(key: string): Promise<void>;
}

export class InMemorySecretStore extends SecretStore {
  private readonly values = new Map<string, string>();

  put(key: string, value: string): Promise<void> {
    this.values.set(key, value);
    return Promise.resolve();
  }

  get(key: string): Promise<string | null> {
    return Promise.resolve(this.values.get(key) ?? null);
  }

  delete(key: string): Promise<void> {
    this.values.delete(key);
    return Promise.resolve();
  }
}

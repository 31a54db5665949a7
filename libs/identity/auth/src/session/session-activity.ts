import { Injectable } from '@nestjs/common';
import { SecretStore } from '@gatehouse/secrets';

/**
 * When a session last served a request: kept outside the event stream, so a request appends nothing.
 * Sessions are named by their id alone (UUIDv7, unique across users).
 */
export abstract class SessionActivity {
  abstract seen(sessionId: string, at: Date): Promise<void>;
  abstract lastSeen(sessionId: string): Promise<Date | null>;
}

/**
 * Last-seen times in the SecretStore every runtime binds (PostgreSQL distributed, SQLite embedded, so
 * they survive a restart), beside API keys' last use. Not secrets, but the same kind of small keyed
 * value that must never be an event.
 */
@Injectable()
export class StoredSessionActivity extends SessionActivity {
  constructor(private readonly secrets: SecretStore) {
    super();
  }

  seen(sessionId: string, at: Date): Promise<void> {
    return this.secrets.put(lastSeenName(sessionId), at.toISOString());
  }

  async lastSeen(sessionId: string): Promise<Date | null> {
    const stored = await this.secrets.get(lastSeenName(sessionId));
    return stored === null ? null : new Date(stored);
  }
}

const lastSeenName = (sessionId: string): string => `session-seen:${sessionId}`;

import { escapeIdentifier } from 'pg';
import { withClient } from '../infra/pg-events';
import type { ApiClient, ApiResponse } from './api-client';

/**
 * A client of a distributed stack whose instances get killed: a 5xx or a connection error is retried with
 * the same request until it succeeds (up to 20 times), as a real client must (a gateway cannot know
 * whether a POST cut short by a crash was applied). On a retry, the refusal the first attempt causes if it
 * did land counts as success (USERNAME_TAKEN by the user it created, USER_DETAILS_UNCHANGED,
 * USER_ALREADY_DISABLED …). Any other answer fails the test.
 */
export class RetryingClient {
  constructor(
    private readonly api: ApiClient,
    /** The stack's schema, where a create whose answer was lost is looked up. */
    private readonly schema: string,
    readonly stats = { retries: 0 },
  ) {}

  /** Creates a user and answers its id, whether or not the answer to the first attempt arrived. */
  async create(path: string, body: Record<string, unknown>): Promise<string> {
    const response = await this.send<{ userId: string }>('POST', path, body, 'USERNAME_TAKEN');
    if (response.status === 201) return response.body.userId;
    const userId = await createdUserId(this.schema, body['username'] as string);
    if (!userId) throw new Error(`USERNAME_TAKEN on retry, but no user ${body['username']} was created`);
    return userId;
  }

  async send<T>(method: string, path: string, body?: unknown, repeated?: string): Promise<ApiResponse<T>> {
    for (let attempt = 0; ; attempt++) {
      if (attempt > 0) {
        this.stats.retries++;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      const response = await this.api.request<T>(method, path, body).catch((error: Error) => error);
      const failed = response instanceof Error || response.status >= 500;
      if (failed && attempt < 20) continue;
      if (response instanceof Error) throw response;
      if (response.status < 300) return response;
      const code = (response.body as { code?: string }).code;
      if (attempt > 0 && code !== undefined && code === repeated) return response;
      throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
    }
  }
}

async function createdUserId(schema: string, username: string): Promise<string | undefined> {
  const { rows } = await withClient((client) =>
    client.query<{ user_id: string }>(
      `SELECT data->>'userId' AS user_id FROM ${escapeIdentifier(schema)}.gh_events
       WHERE type = 'UserCreated' AND data->>'username' = $1`,
      [username],
    ),
  );
  return rows[0]?.user_id;
}

import { Agent, request } from 'node:http';

export interface JsonResponse {
  readonly status: number;
  readonly body: unknown;
}

export interface TextResponse {
  readonly status: number;
  readonly text: string;
  readonly headers: Record<string, string | string[] | undefined>;
}

export interface RequestOptions {
  readonly json?: unknown;
  /** An application/x-www-form-urlencoded body (OAuth token requests). */
  readonly form?: Record<string, string>;
  /** Overrides the client's bearer token for this request; null sends none. */
  readonly token?: string | null;
}

/**
 * HTTP requests over keep-alive connections (node:http with its own agent): no per-request connection
 * set-up in the figures, and nothing between "send" and the socket but this function.
 */
export class KeepAliveClient {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 256 });
  private readonly url: URL;

  constructor(
    baseUrl: string,
    private readonly token: string | null,
  ) {
    this.url = new URL(baseUrl);
  }

  async post(path: string, body: unknown): Promise<JsonResponse> {
    const response = await this.request('POST', path, { json: body });
    return { status: response.status, body: response.text ? JSON.parse(response.text) : null };
  }

  /**
   * A kept-alive socket the server closed as idle just as this request went out fails with ECONNRESET
   * before the server read it: sent again once, as Node's documentation advises (`reusedSocket`).
   */
  async request(method: string, path: string, options: RequestOptions = {}): Promise<TextResponse> {
    try {
      return await this.send(method, path, options);
    } catch (error) {
      if ((error as { reusedSocket?: boolean }).reusedSocket !== true) throw error;
      return this.send(method, path, options);
    }
  }

  private send(method: string, path: string, options: RequestOptions): Promise<TextResponse> {
    const payload =
      options.json !== undefined
        ? JSON.stringify(options.json)
        : options.form
          ? new URLSearchParams(options.form).toString()
          : undefined;
    const token = options.token === undefined ? this.token : options.token;
    const headers: Record<string, string | number> = { accept: 'application/json' };
    if (payload !== undefined) {
      headers['content-type'] = options.form ? 'application/x-www-form-urlencoded' : 'application/json';
      headers['content-length'] = Buffer.byteLength(payload);
    }
    if (token) headers['authorization'] = `Bearer ${token}`;
    return new Promise((resolve, reject) => {
      const req = request(
        { agent: this.agent, host: this.url.hostname, port: this.url.port, method, path, headers },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              text: Buffer.concat(chunks).toString(),
              headers: res.headers,
            }),
          );
        },
      );
      req.on('error', (error: NodeJS.ErrnoException) =>
        reject(Object.assign(error, { reusedSocket: req.reusedSocket && error.code === 'ECONNRESET' })),
      );
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

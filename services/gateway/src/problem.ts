import type { ServerResponse } from 'node:http';

const titles = {
  404: { title: 'Not Found', code: undefined },
  413: { title: 'Payload Too Large', code: 'PAYLOAD_TOO_LARGE' },
  502: { title: 'Bad Gateway', code: 'BAD_GATEWAY' },
};

/** The gateway's own refusals, as problem+json like every service's (RFC 9457). */
export function problem(response: ServerResponse, status: keyof typeof titles, detail?: string): void {
  const { title, code } = titles[status];
  sendJson(
    response,
    status,
    { type: 'about:blank', title, code, status, detail },
    'application/problem+json',
  );
}

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  type = 'application/json',
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': `${type}; charset=utf-8`,
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

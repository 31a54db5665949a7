import { createServer, type Socket } from 'node:net';

/**
 * A minimal SMTP server for tests (smtp-server is not a dependency): enough of RFC 5321 for nodemailer
 * (EHLO, AUTH PLAIN, MAIL, RCPT, DATA, RSET, NOOP, QUIT), keeping every message it accepts.
 */
export interface ReceivedMail {
  readonly mailFrom: string;
  readonly rcptTo: readonly string[];
  readonly headers: ReadonlyMap<string, string>;
  readonly subject: string;
  readonly text: string;
}

export interface SmtpSinkOptions {
  /** When set, AUTH PLAIN is offered and required, and only these credentials pass. */
  readonly credentials?: { readonly user: string; readonly pass: string };
  /** Recipients answered with 550. */
  readonly rejects?: (address: string) => boolean;
  /** Where to listen (a sink started again where the last one was, after an outage); default any free port. */
  readonly port?: number;
}

export interface SmtpSink {
  readonly port: number;
  readonly messages: ReceivedMail[];
  /** Connections accepted so far: a pooled client reuses one. */
  readonly connections: () => number;
  close(): Promise<void>;
}

export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const messages: ReceivedMail[] = [];
  const sockets = new Set<Socket>();
  let connections = 0;
  const server = createServer((socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    // A client killed with a reply still unread resets the connection (the kill tests do): a server
    // shrugs that off; without a listener it was an uncaught error that failed the whole suite.
    socket.on('error', () => socket.destroy());
    socket.setEncoding('utf8');
    // A reply may span lines: `250-first`, …, `250 last`.
    const reply = (code: number, ...texts: string[]): void => {
      socket.write(texts.map((text, i) => `${code}${i < texts.length - 1 ? '-' : ' '}${text}\r\n`).join(''));
    };
    let authenticated = !options.credentials;
    let envelope: { mailFrom: string; rcptTo: string[] } = { mailFrom: '', rcptTo: [] };
    let data: string[] | undefined;
    const onLine = (line: string): void => {
      if (data) {
        if (line !== '.') {
          data.push(line.startsWith('.') ? line.slice(1) : line);
          return;
        }
        messages.push({ ...envelope, ...parseMail(data) });
        data = undefined;
        envelope = { mailFrom: '', rcptTo: [] };
        return reply(250, '2.0.0 queued');
      }
      const [verb = '', ...args] = line.split(' ');
      const address = () => /<([^>]*)>/.exec(line)?.[1] ?? '';
      switch (verb.toUpperCase()) {
        case 'EHLO':
          return reply(250, 'sink', ...(options.credentials ? ['AUTH PLAIN'] : []));
        case 'AUTH': {
          const [, user, pass] = Buffer.from(args[1] ?? '', 'base64')
            .toString('utf8')
            .split('\0');
          authenticated = user === options.credentials?.user && pass === options.credentials?.pass;
          return authenticated ? reply(235, '2.7.0 accepted') : reply(535, '5.7.8 bad credentials');
        }
        case 'MAIL':
          if (!authenticated) return reply(530, '5.7.0 authentication required');
          envelope.mailFrom = address();
          return reply(250, '2.1.0 ok');
        case 'RCPT':
          if (options.rejects?.(address())) return reply(550, '5.1.1 no such mailbox');
          envelope.rcptTo.push(address());
          return reply(250, '2.1.5 ok');
        case 'DATA':
          data = [];
          return reply(354, 'end with <CRLF>.<CRLF>');
        case 'RSET':
          envelope = { mailFrom: '', rcptTo: [] };
          return reply(250, '2.0.0 ok');
        case 'NOOP':
          return reply(250, '2.0.0 ok');
        case 'QUIT':
          reply(221, '2.0.0 bye');
          socket.end();
          return;
        default:
          return reply(502, '5.5.2 not implemented');
      }
    };
    let buffer = '';
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      for (let end = buffer.indexOf('\r\n'); end >= 0; end = buffer.indexOf('\r\n')) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        onLine(line);
      }
    });
    reply(220, 'sink ESMTP');
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    port,
    messages,
    connections: () => connections,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Enough MIME for single-part text mail: unfolded headers, encoded words, quoted-printable/base64. */
function parseMail(lines: readonly string[]): Pick<ReceivedMail, 'headers' | 'subject' | 'text'> {
  const blank = lines.indexOf('');
  const headers = new Map<string, string>();
  for (const line of lines
    .slice(0, blank)
    .join('\r\n')
    .split(/\r\n(?![ \t])/)) {
    const colon = line.indexOf(':');
    headers.set(
      line.slice(0, colon).toLowerCase(),
      line
        .slice(colon + 1)
        .replace(/\r\n[ \t]/g, ' ')
        .trim(),
    );
  }
  const body = lines.slice(blank + 1).join('\r\n');
  const encoding = headers.get('content-transfer-encoding')?.toLowerCase();
  const decoded =
    encoding === 'quoted-printable'
      ? qpBytes(body.replace(/=\r\n/g, '')).toString('utf8')
      : encoding === 'base64'
        ? Buffer.from(body, 'base64').toString('utf8')
        : body;
  return {
    headers,
    subject: decodeWords(headers.get('subject') ?? ''),
    text: decoded.replace(/\r\n/g, '\n'),
  };
}

const encodedWord = /=\?[^?]+\?([QqBb])\?([^?]*)\?=/g;

function decodeWords(value: string): string {
  return value.replace(/=\?[^?]+\?[QqBb]\?[^?]*\?=(?:\s+=\?[^?]+\?[QqBb]\?[^?]*\?=)*/g, (run) =>
    Buffer.concat(
      [...run.matchAll(encodedWord)].map(([, kind, text]) =>
        kind.toUpperCase() === 'B' ? Buffer.from(text, 'base64') : qpBytes(text.replace(/_/g, ' ')),
      ),
    ).toString('utf8'),
  );
}

function qpBytes(text: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(text[i], 'utf8'));
  }
  return Buffer.from(bytes);
}

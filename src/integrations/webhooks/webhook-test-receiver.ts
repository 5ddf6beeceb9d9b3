import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';

/** A request the receiver got: method, path, headers and the JSON body. */
export interface ReceivedPost {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

/**
 * A real HTTP server on 127.0.0.1 standing in for Slack or Teams in tests: it records what
 * it receives and answers with the statuses queued in `answers` (then 200 "ok").
 */
export class WebhookTestReceiver {
  readonly received: ReceivedPost[] = [];
  /** Statuses for the next answers, first one first; 200 once empty. */
  answers: number[] = [];
  /** Milliseconds to wait before answering (to test timeouts). */
  delayMs = 0;
  private server: Server | null = null;
  port = 0;

  async listen(port = 0): Promise<this> {
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        let body: unknown = raw;
        try {
          body = JSON.parse(raw);
        } catch {
          // keep the raw text
        }
        this.received.push({ method: request.method ?? '', path: request.url ?? '', headers: request.headers, body });
        const status = this.answers.shift() ?? 200;
        const answer = () => {
          response.writeHead(status, { 'content-type': 'text/plain' });
          response.end(status < 300 ? 'ok' : 'server_error');
        };
        if (this.delayMs > 0) setTimeout(answer, this.delayMs);
        else answer();
      });
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    const address = server.address();
    this.port = typeof address === 'object' && address ? address.port : port;
    return this;
  }

  /** A URL on this receiver (with a secret-looking path, as real webhook URLs have). */
  url(path = '/services/T000/B000/secret-token-abcd'): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  close(): Promise<void> {
    const server = this.server;
    if (!server) return Promise.resolve();
    server.closeAllConnections();
    return new Promise((resolve) => server.close(() => resolve()));
  }
}

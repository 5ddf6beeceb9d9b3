import { createServer } from 'node:net';
import { SMTPServer } from 'smtp-server';

/* Test support for the outbox dispatcher: a real SMTP server and a small MIME reader. */

export interface ReceivedMail {
  user: string | null;
  from: string | null;
  to: string[];
  raw: string;
  subject: string | null;
  messageId: string | null;
}

/** A real SMTP server on 127.0.0.1 that keeps what it receives. */
export class TestSmtpServer {
  readonly received: ReceivedMail[] = [];
  /** Recipients matching this are refused with a 550 carrying `rejectMessage`. */
  reject: RegExp | null = null;
  rejectMessage = 'Mailbox unavailable';
  /** Called as each message arrives, before the server answers. */
  onMessage: (() => void) | null = null;
  port = 0;
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    closeTimeout: 1000,
    disableReverseLookup: true,
    allowInsecureAuth: true,
    // Any user name and password will do; the test only checks who signed in.
    onAuth: (auth, _session, callback) => callback(null, { user: auth.username }),
    onRcptTo: (address, _session, callback) => {
      if (this.reject?.test(address.address)) callback(Object.assign(new Error(this.rejectMessage), { responseCode: 550 }));
      else callback();
    },
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const headers = (raw.split('\r\n\r\n')[0] ?? '').replace(/\r\n[ \t]+/g, ' ');
        this.received.push({
          user: typeof session.user === 'string' ? session.user : null,
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          subject: /^Subject: (.*)$/im.exec(headers)?.[1] ?? null,
          messageId: /^Message-ID: (.*)$/im.exec(headers)?.[1] ?? null,
        });
        this.onMessage?.();
        callback();
      });
    },
  });

  async listen(port = 0): Promise<this> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => resolve());
    });
    const address = this.server.server.address();
    this.port = typeof address === 'object' && address ? address.port : port;
    return this;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** A port nothing listens on (until a test starts a server there). */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  if (typeof address !== 'object' || !address) throw new Error('no port');
  return address.port;
}


/** A file found in a received message: its headers' name and type, and the decoded content. */
export interface ReceivedAttachment {
  filename: string;
  contentType: string;
  content: string;
}

/**
 * The attachments of a raw MIME message (what nodemailer writes: base64, quoted-printable or
 * 7bit parts with a Content-Disposition of attachment). Enough for tests; not a general parser.
 */
export function readAttachments(raw: string): ReceivedAttachment[] {
  const found: ReceivedAttachment[] = [];
  for (const part of raw.split(/\r\n--[^\r\n]+\r\n/)) {
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) continue;
    const headers = part.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
    if (!/^Content-Disposition:\s*attachment/im.test(headers)) continue;
    const filename = /filename="?([^";\r\n]+)"?/i.exec(headers)?.[1] ?? '';
    const contentType = /^Content-Type:\s*([^\r\n]+)/im.exec(headers)?.[1]?.trim() ?? '';
    const encoding = /^Content-Transfer-Encoding:\s*(\S+)/im.exec(headers)?.[1]?.toLowerCase() ?? '7bit';
    const body = part.slice(split + 4).replace(/\r\n--[^\r\n]*--\s*$/, '').replace(/\r\n$/, '');
    const content =
      encoding === 'base64'
        ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
        : encoding === 'quoted-printable'
          ? Buffer.from(body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8')
          : body;
    found.push({ filename, contentType, content });
  }
  return found;
}

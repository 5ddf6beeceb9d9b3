import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';

/** One e-mail as the dispatcher hands it over. */
export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Files sent with it (an .ics invitation), text content. */
  attachments?: OutgoingAttachment[];
}

export interface OutgoingAttachment {
  filename: string;
  contentType: string;
  content: string;
}

/** Anything that can deliver an e-mail: SMTP in production, any other transport later. */
export interface EmailSender {
  /** Resolves once the server accepted the message; rejects with the reason otherwise. */
  send(message: OutgoingEmail): Promise<{ messageId: string }>;
  close(): void;
}

const TIMEOUT_MS = 10_000;

/**
 * An SMTP sender for `smtp://` or `smtps://user:pass@host:port` URLs. One connection per
 * message (no pool), so a dead server costs one timeout per message rather than a stuck socket.
 * Options in the URL's query string (nodemailer's names, e.g. `?pool=true`) override these.
 */
export function createSmtpTransport(smtpUrl: string, from: string): EmailSender {
  const options: SMTPTransport.Options = {
    url: smtpUrl,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
    disableFileAccess: true,
    disableUrlAccess: true,
  };
  const transport = nodemailer.createTransport(options);
  const secrets = credentialsOf(smtpUrl);
  return {
    async send(message) {
      try {
        const attachments = (message.attachments ?? []).map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content }));
        const info = await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text, html: message.html, ...(attachments.length > 0 ? { attachments } : {}) });
        return { messageId: info.messageId };
      } catch (error) {
        throw redactError(error, secrets);
      }
    },
    close() {
      transport.close();
    },
  };
}

function credentialsOf(smtpUrl: string): string[] {
  try {
    const url = new URL(smtpUrl);
    // The user name is not secret and may be a common word; the password is.
    return [...new Set([url.password, decodeURIComponent(url.password)])].filter((s) => s.length >= 3);
  } catch {
    return [];
  }
}

/** nodemailer's errors do not normally echo credentials; make sure they never do. */
function redactError(error: unknown, secrets: string[]): Error {
  const original = error instanceof Error ? error : new Error(String(error));
  let message = original.message;
  for (const secret of secrets) message = message.split(secret).join('[redacted]');
  if (message === original.message) return original;
  const redacted = new Error(message);
  const { code, responseCode } = original as { code?: unknown; responseCode?: unknown };
  return Object.assign(redacted, { code, responseCode });
}

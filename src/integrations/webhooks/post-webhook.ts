/** Why a webhook post failed, in words safe to store and show: never the URL (it is the secret). */
export class WebhookDeliveryError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly code: string | null,
  ) {
    super(message);
    this.name = 'WebhookDeliveryError';
  }
}

export interface PostWebhookOptions {
  timeoutMs?: number;
  /** What is posted to ("Slack", "Teams"), for the error text. */
  service?: string;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * Posts a JSON body to an incoming-webhook URL with Node's fetch. Resolves on a 2xx answer;
 * rejects with a WebhookDeliveryError otherwise (non-2xx, timeout, refused connection).
 * Redirects are not followed: a webhook that moved is a configuration problem to fix.
 */
export async function postWebhook(url: string, body: unknown, options: PostWebhookOptions = {}): Promise<{ status: number }> {
  const service = options.service ?? 'The webhook';
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw describeFetchFailure(error, service, timeoutMs);
  }
  // The answer's body is not needed; read it so the connection is released, but cap the wait.
  const answer = await response.text().catch(() => '');
  if (response.status >= 200 && response.status < 300) return { status: response.status };
  const detail = answer.replace(/\s+/g, ' ').trim().slice(0, 200);
  throw new WebhookDeliveryError(`${service} answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}${detail ? `: ${scrubUrls(detail)}` : ''}`, response.status, null);
}

function describeFetchFailure(error: unknown, service: string, timeoutMs: number): WebhookDeliveryError {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') return new WebhookDeliveryError(`${service} did not answer within ${timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`}`, null, 'ETIMEDOUT');
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  const code = typeof cause?.code === 'string' ? cause.code : null;
  const words = code ? `could not be reached (${code})` : 'could not be reached';
  return new WebhookDeliveryError(`${service} ${words}`, null, code);
}

/** Answers sometimes echo the request URL; keep only the scheme and host. */
function scrubUrls(text: string): string {
  return text.replace(/\bhttps?:\/\/([^\s/?#]+)[^\s]*/gi, (_m, host: string) => `https://${host}/…`);
}

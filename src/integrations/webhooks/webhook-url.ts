import type { WebhookKind } from './webhook-body.js';

/**
 * Which incoming-webhook URLs an admin may register. Slack: https://hooks.slack.com/services/…
 * (or …/triggers/… for workflow webhooks; hooks.slack-gov.com too). Teams: Office 365 connector
 * webhooks on *.webhook.office.com, and Power Automate Workflows webhooks on *.logic.azure.com or
 * *.powerplatform.com. With `allowAnyUrl` (development, tests) any http(s) URL will do.
 * Never a user name or password in the URL, never longer than 2048 characters.
 */
const SLACK_HOSTS = ['hooks.slack.com', 'hooks.slack-gov.com'];
const TEAMS_HOST_SUFFIXES = ['.webhook.office.com', '.logic.azure.com', '.powerplatform.com'];
const MAX_URL_LENGTH = 2048;

/** Why the URL is refused, in words for the admin, or null when it is fine. */
export function checkWebhookUrl(kind: WebhookKind, value: string, options: { allowAnyUrl: boolean }): string | null {
  if (value.length > MAX_URL_LENGTH) return `must be at most ${MAX_URL_LENGTH} characters`;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return 'must be an absolute URL such as https://hooks.slack.com/services/…';
  }
  if (url.username || url.password) return 'must not contain a user name or password';
  if (options.allowAnyUrl) return url.protocol === 'https:' || url.protocol === 'http:' ? null : 'must start with https:// or http://';
  if (url.protocol !== 'https:') return 'must start with https://';
  if (url.port && url.port !== '443') return 'must use the standard https port';
  const host = url.hostname.toLowerCase();
  if (kind === 'slack') {
    if (!SLACK_HOSTS.includes(host) || !/^\/(services|triggers)\/./.test(url.pathname)) return 'must be a Slack incoming-webhook URL (https://hooks.slack.com/services/…)';
    return null;
  }
  if (!TEAMS_HOST_SUFFIXES.some((suffix) => host.endsWith(suffix) && host.length > suffix.length)) {
    return 'must be a Microsoft Teams webhook URL (https://….webhook.office.com/… or a Workflows URL on logic.azure.com)';
  }
  return null;
}

/** The URL as the API shows it: host and the last four characters, the rest hidden. */
export function maskWebhookUrl(value: string): string {
  let host: string;
  try {
    host = new URL(value).host;
  } catch {
    host = '';
  }
  const tail = value.length > 12 ? value.slice(-4) : '';
  return `${host || 'webhook'}/…${tail}`;
}

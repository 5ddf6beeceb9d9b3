import type { ProgramEventMessage } from './program-event.js';

/** Slack's mrkdwn needs only these three escaped (api.slack.com, "Formatting text"). */
export function escapeSlackText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export interface SlackMessage {
  /** The fallback shown in notifications and by clients without blocks. */
  text: string;
  blocks: Array<Record<string, unknown>>;
}

/** The body for a Slack incoming webhook: a plain `text` fallback plus Block Kit blocks. */
export function buildSlackMessage(message: ProgramEventMessage): SlackMessage {
  const title = escapeSlackText(message.title);
  const text = escapeSlackText(message.text);
  const link = message.url ? `<${message.url.replace(/[<>|]/g, encodeURIComponent)}|${escapeSlackText(message.linkLabel ?? 'Open in Vouch')}>` : null;
  const blocks: Array<Record<string, unknown>> = [
    { type: 'section', text: { type: 'mrkdwn', text: `*${title}*\n${text}` } },
  ];
  if (link) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: link } });
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `${escapeSlackText(message.orgName)} · Vouch` }] });
  return { text: `${title}: ${text}`, blocks };
}

import { describe, expect, it } from 'vitest';
import { buildSlackMessage, escapeSlackText } from './slack-message.js';
import { buildTeamsMessage } from './teams-message.js';
import { buildWebhookBody } from './webhook-body.js';

const event = { orgName: 'Northwind', title: 'New request', text: 'R-7 <urgent> from Pat & Co', url: 'https://vouch.example.com/requests/r7', linkLabel: 'Open R-7' };

describe('Slack message', () => {
  it('has a plain fallback text and Block Kit sections with the link, escaped', () => {
    const message = buildSlackMessage(event);
    expect(message.text).toBe('New request: R-7 &lt;urgent&gt; from Pat &amp; Co');
    expect(message.blocks[0]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: '*New request*\nR-7 &lt;urgent&gt; from Pat &amp; Co' } });
    expect(message.blocks[1]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: '<https://vouch.example.com/requests/r7|Open R-7>' } });
    expect(message.blocks[2]).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: 'Northwind · Vouch' }] });
    expect(JSON.parse(JSON.stringify(message))).toEqual(message);
  });

  it('leaves the link out when there is none', () => {
    expect(buildSlackMessage({ ...event, url: undefined }).blocks).toHaveLength(2);
    expect(escapeSlackText('a<b>&c')).toBe('a&lt;b&gt;&amp;c');
  });
});

describe('Teams message', () => {
  it('is a message with one Adaptive Card 1.4: title, text, sender and an Open URL action', () => {
    const message = buildTeamsMessage(event);
    expect(message.type).toBe('message');
    expect(message.attachments).toHaveLength(1);
    const [attachment] = message.attachments;
    expect(attachment?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(attachment?.contentUrl).toBeNull();
    const card = attachment?.content as { type: string; version: string; $schema: string; body: Array<{ text: string }>; actions: unknown[] };
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.4', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json' });
    expect(card.body.map((b) => b.text)).toEqual(['New request', 'R-7 <urgent> from Pat & Co', 'Northwind · Vouch']);
    expect(card.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Open R-7', url: 'https://vouch.example.com/requests/r7' }]);
  });

  it('has no actions without a link', () => {
    const card = buildTeamsMessage({ ...event, url: undefined }).attachments[0]?.content;
    expect(card).not.toHaveProperty('actions');
  });
});

describe('buildWebhookBody', () => {
  it('picks the shape by endpoint kind', () => {
    expect(buildWebhookBody('slack', event)).toHaveProperty('blocks');
    expect(buildWebhookBody('teams', event)).toHaveProperty('attachments');
  });
});

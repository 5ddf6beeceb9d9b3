import { describe, expect, it } from 'vitest';
import { checkWebhookUrl, maskWebhookUrl } from './webhook-url.js';

const strict = { allowAnyUrl: false };
const lax = { allowAnyUrl: true };

describe('checkWebhookUrl', () => {
  it('accepts Slack incoming webhooks and refuses anything else for Slack', () => {
    expect(checkWebhookUrl('slack', 'https://hooks.slack.com/services/T000/B000/XXXXXXXX', strict)).toBeNull();
    expect(checkWebhookUrl('slack', 'https://hooks.slack.com/triggers/T000/123/abc', strict)).toBeNull();
    expect(checkWebhookUrl('slack', 'http://hooks.slack.com/services/T/B/X', strict)).toMatch(/https/);
    expect(checkWebhookUrl('slack', 'https://hooks.slack.com.evil.example/services/T/B/X', strict)).toMatch(/Slack/);
    expect(checkWebhookUrl('slack', 'https://hooks.slack.com/', strict)).toMatch(/Slack/);
    expect(checkWebhookUrl('slack', 'https://acme.webhook.office.com/webhookb2/x', strict)).toMatch(/Slack/);
  });

  it('accepts Teams connector and Workflows URLs', () => {
    expect(checkWebhookUrl('teams', 'https://acme.webhook.office.com/webhookb2/abc@def/IncomingWebhook/123/456', strict)).toBeNull();
    expect(checkWebhookUrl('teams', 'https://prod-12.westeurope.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?sig=x', strict)).toBeNull();
    expect(checkWebhookUrl('teams', 'https://webhook.office.com/x', strict)).toMatch(/Teams/);
    expect(checkWebhookUrl('teams', 'https://evilwebhook.office.com.example/x', strict)).toMatch(/Teams/);
    expect(checkWebhookUrl('teams', 'https://hooks.slack.com/services/T/B/X', strict)).toMatch(/Teams/);
  });

  it('refuses credentials, other ports, non-URLs and very long URLs', () => {
    expect(checkWebhookUrl('slack', 'https://u:p@hooks.slack.com/services/T/B/X', strict)).toMatch(/password/);
    expect(checkWebhookUrl('slack', 'https://hooks.slack.com:8443/services/T/B/X', strict)).toMatch(/port/);
    expect(checkWebhookUrl('slack', 'not a url', strict)).toMatch(/absolute URL/);
    expect(checkWebhookUrl('slack', `https://hooks.slack.com/services/${'x'.repeat(2100)}`, strict)).toMatch(/2048/);
  });

  it('accepts any http(s) URL when allowed, but still no credentials or other schemes', () => {
    expect(checkWebhookUrl('slack', 'http://127.0.0.1:4567/hook', lax)).toBeNull();
    expect(checkWebhookUrl('teams', 'https://example.com/hook', lax)).toBeNull();
    expect(checkWebhookUrl('teams', 'ftp://example.com/hook', lax)).toMatch(/https/);
    expect(checkWebhookUrl('teams', 'http://a:b@example.com/hook', lax)).toMatch(/password/);
  });
});

describe('maskWebhookUrl', () => {
  it('shows the host and the last four characters only', () => {
    expect(maskWebhookUrl('https://hooks.slack.com/services/T000/B000/abcdWXYZ')).toBe('hooks.slack.com/…WXYZ');
    expect(maskWebhookUrl('http://127.0.0.1:4567/hook/secret-token-1234')).toBe('127.0.0.1:4567/…1234');
  });
});

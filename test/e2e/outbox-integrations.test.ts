import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxMessages, webhookEndpoints } from '../../src/db/schema/index.js';
import { WebhookTestReceiver } from '../../src/integrations/webhooks/webhook-test-receiver.js';
import { startBrowserApp, type BrowserApp } from '../helpers/browser-app.js';
import { chromiumAvailable, seriousA11yViolations, step } from '../helpers/browser.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { createOrganization, createUser } from '../helpers/factories.js';

const runBrowser = chromiumAvailable();

describe.runIf(runBrowser)('admin outbox and Slack / Teams integrations in a real browser', () => {
  let db: TestDatabase;
  let web: BrowserApp;
  let receiver: WebhookTestReceiver;
  let adminEmail = '';

  beforeAll(async () => {
    db = await createTestDatabase();
    await createOrganization(db.database.db, 'Globex Advocacy');
    adminEmail = (await createUser(db.database.db, { roles: ['admin'], name: 'Ada Admin' })).email;
    await db.database.db.insert(outboxMessages).values({
      kind: 'advocate.scheduled',
      recipient: 'dana@customer.example',
      subject: 'Your reference call on Tuesday',
      bodyText: 'See you on Tuesday.\n',
      bodyHtml: '<!doctype html><html><body><p>See you on <strong>Tuesday</strong>.</p></body></html>',
      status: 'dead',
      attempts: 8,
      lastError: '550 Mailbox unavailable',
      attachments: [{ filename: 'reference-call.ics', contentType: 'text/calendar; method=REQUEST', content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' }],
    });
    receiver = await new WebhookTestReceiver().listen();
    web = await startBrowserApp(db.database);
  });

  afterAll(async () => {
    await web?.close();
    await receiver?.close();
    await db?.drop();
  });

  it('an admin connects a Slack channel, tests it, turns it off and removes it; then retries a dead e-mail', { timeout: 240_000 }, async () => {
    const page = await web.signedInPage(adminEmail);

    await step(page, 'the admin opens Integrations and adds a Slack channel for PR', async () => {
      await page.getByRole('link', { name: 'Integrations' }).click();
      await page.getByRole('heading', { level: 1, name: 'Integrations' }).waitFor();
      await page.getByText('No channels connected').waitFor();
      await page.getByRole('button', { name: 'Add a channel' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add a Slack or Teams channel' });
      await dialog.getByLabel('Name', { exact: true }).fill('#pr-references');
      await dialog.getByLabel('Webhook URL', { exact: true }).fill(receiver.url());
      await dialog.getByLabel('Team', { exact: true }).click();
      await page.getByRole('option', { name: 'Public relations' }).click();
      await dialog.getByLabel('Events', { exact: true }).click();
      await page.getByRole('option', { name: 'New request' }).click();
      await page.keyboard.press('Escape');
      expect(await seriousA11yViolations(page), 'add channel dialog').toEqual([]);
      await dialog.getByRole('button', { name: 'Add endpoint' }).click();
      const card = page.getByRole('article', { name: 'Slack endpoint #pr-references' });
      await card.waitFor();
      await card.getByText(`127.0.0.1:${receiver.port}/…abcd`).waitFor();
      await card.getByText('Public relations').waitFor();
      await card.getByText(/New request/).waitFor();
      expect(await page.getByText('secret-token').count()).toBe(0);
    });

    await step(page, 'a test message reaches the channel; the admin turns it off', async () => {
      const card = page.getByRole('article', { name: 'Slack endpoint #pr-references' });
      await card.getByRole('button', { name: 'Send a test' }).click();
      await page.getByText('Test sent').waitFor();
      expect(receiver.received).toHaveLength(1);
      expect(JSON.stringify(receiver.received[0]?.body)).toContain('Test message');
      await card.getByRole('switch', { name: 'On' }).click({ force: true });
      await card.getByText('Off', { exact: true }).waitFor();
      const [row] = await db.database.db.select().from(webhookEndpoints);
      expect(row?.enabled).toBe(false);
      await expect.poll(() => page.locator('.mantine-Notification-root').count(), { timeout: 20_000 }).toBe(0);
      expect(await seriousA11yViolations(page), 'integrations page').toEqual([]);
    });

    await step(page, 'the admin deletes it after confirming', async () => {
      await page.getByRole('article', { name: 'Slack endpoint #pr-references' }).getByRole('button', { name: 'Delete' }).click();
      await page.getByRole('dialog', { name: 'Delete “#pr-references”?' }).getByRole('button', { name: 'Delete endpoint' }).click();
      await page.getByText('No channels connected').waitFor();
    });

    await step(page, 'the Outbox shows the dead e-mail with its error, attachment and rendering; the admin retries it', async () => {
      await page.getByRole('link', { name: 'Outbox' }).click();
      await page.getByRole('heading', { level: 1, name: 'Outbox' }).waitFor();
      await page.getByRole('button', { name: 'Your reference call on Tuesday' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('550 Mailbox unavailable').waitFor();
      await dialog.getByText('reference-call.ics').waitFor();
      const frame = dialog.locator('iframe[title="E-mail preview: Your reference call on Tuesday"]');
      expect(await frame.getAttribute('sandbox')).toBe('');
      await frame.contentFrame().getByText('Tuesday').waitFor();
      expect(await seriousA11yViolations(page), 'outbox message').toEqual([]);
      await dialog.getByRole('button', { name: 'Retry delivery' }).click();
      await page.getByText('Queued again').waitFor();
      await dialog.getByText('Waiting', { exact: true }).waitFor();
      const [message] = await db.database.db.select().from(outboxMessages);
      expect(message).toMatchObject({ status: 'pending', attempts: 0 });
    });
  });
});

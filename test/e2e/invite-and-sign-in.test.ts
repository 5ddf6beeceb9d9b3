import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.js';
import { testConfig } from '../helpers/config.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { createOrganization, createUser, TEST_PASSWORD } from '../helpers/factories.js';
import { chromiumAvailable, launchChromium, seriousA11yViolations, step } from '../helpers/browser.js';

const runBrowser = chromiumAvailable();

describe.runIf(runBrowser)('in a real browser', () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let browser: Browser;
  let baseUrl: string;
  let adminEmail: string;
  const cspViolations: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    await createOrganization(db.database.db, 'Globex Advocacy');
    adminEmail = (await createUser(db.database.db, { roles: ['admin'], name: 'Avery Admin', team: 'customer_success' })).email;
    // The public URL must match where the browser is, so start on a fixed free port.
    const probe = await import('../helpers/server-process.js');
    const port = await probe.freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    app = await buildApp({ database: db.database, config: testConfig({ PUBLIC_URL: baseUrl }), logger: pino({ level: 'silent' }) });
    await app.listen({ port, host: '127.0.0.1' });
    expect((app.server.address() as AddressInfo).port).toBe(port);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await db?.drop();
  });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ baseURL: baseUrl });
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    return page;
  }

  async function signIn(page: Page, email: string, password: string) {
    await page.goto('/sign-in');
    await page.getByLabel('E-mail', { exact: true }).fill(email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'User menu' }).waitFor();
  }

  const navLinks = (page: Page) => page.getByRole('navigation', { name: /main/i }).getByRole('link');

  it('admin invites a salesperson, who accepts, signs in, sees their navigation and signs out', async () => {
    const admin = await newPage();
    await step(admin, 'admin signs in', () => signIn(admin, adminEmail, TEST_PASSWORD));
    expect(await navLinks(admin).allInnerTexts()).toEqual(expect.arrayContaining(['Home', 'Account', 'Users', 'Audit log', 'Outbox']));

    const inviteUrl = await step(admin, 'admin invites', async () => {
      await navLinks(admin).filter({ hasText: 'Users' }).click();
      await admin.getByRole('button', { name: 'Invite user' }).click();
      const dialog = admin.getByRole('dialog');
      await dialog.getByLabel('E-mail', { exact: true }).fill('sam.seller@example.com');
      await dialog.getByLabel('Full name', { exact: true }).fill('Sam Seller');
      await dialog.getByLabel('Roles', { exact: true }).click();
      await admin.getByRole('option', { name: 'Sales' }).click();
      await admin.keyboard.press('Escape');
      await dialog.getByLabel('Team', { exact: true }).click();
      await admin.getByRole('option', { name: 'Sales' }).click();
      await dialog.getByRole('button', { name: 'Send invitation' }).click();
      const url = (await admin.getByTestId('invite-url').innerText()).trim();
      expect(url).toMatch(/\/accept-invitation#token=/);
      return url;
    });

    const invitee = await newPage();
    await step(invitee, 'invitee accepts', async () => {
      await invitee.goto(inviteUrl);
      await expect.poll(() => invitee.getByLabel('Full name', { exact: true }).inputValue()).toBe('Sam Seller');
      await invitee.getByLabel('Password', { exact: true }).fill('sunlit harbour compass 12');
      await invitee.getByLabel('Confirm password', { exact: true }).fill('sunlit harbour compass 12');
      await invitee.getByRole('button', { name: 'Create my account' }).click();
      await invitee.waitForURL(/\/sign-in/);
      expect(await invitee.getByLabel('E-mail', { exact: true }).inputValue()).toBe('sam.seller@example.com');
    });

    await step(invitee, 'invitee signs in and sees the sales navigation', async () => {
      await invitee.getByLabel('Password', { exact: true }).fill('sunlit harbour compass 12');
      await invitee.getByRole('button', { name: 'Sign in' }).click();
      await invitee.getByRole('button', { name: 'User menu' }).waitFor();
      const links = await navLinks(invitee).allInnerTexts();
      expect(links).toEqual(expect.arrayContaining(['Home', 'Account']));
      for (const adminOnly of ['Users', 'Audit log', 'Outbox']) expect(links).not.toContain(adminOnly);
    });

    await step(invitee, 'invitee signs out', async () => {
      await invitee.getByRole('button', { name: 'User menu' }).click();
      await invitee.getByRole('menuitem', { name: 'Sign out' }).click();
      await invitee.waitForURL(/\/sign-in/);
      const me = await invitee.request.get('/api/auth/me');
      expect(me.status()).toBe(401);
    });

    // The admin's audit log shows what happened, in the browser.
    await step(admin, 'admin reads the audit log', async () => {
      await admin.keyboard.press('Escape'); // close the invitation dialog
      await admin.getByRole('dialog').waitFor({ state: 'detached' });
      await navLinks(admin).filter({ hasText: 'Audit log' }).click();
      await admin.getByRole('table').getByText('sam.seller@example.com').first().waitFor();
    });
    expect(cspViolations).toEqual([]);
  });

  it('has no serious accessibility violations on the sign-in page and the shell, light and dark', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ baseURL: baseUrl, colorScheme: scheme });
      const page = await context.newPage();
      await page.goto('/sign-in');
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
      expect(await seriousA11yViolations(page), `sign-in (${scheme})`).toEqual([]);
      await signIn(page, adminEmail, TEST_PASSWORD);
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await seriousA11yViolations(page), `home shell (${scheme})`).toEqual([]);
      await context.close();
    }
  });
});

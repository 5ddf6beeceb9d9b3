import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserApp, type BrowserApp } from '../helpers/browser-app.js';
import { chromiumAvailable, seriousA11yViolations, step } from '../helpers/browser.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { createAccount, createOrganization, createUser } from '../helpers/factories.js';
import { signInAdvocate } from '../helpers/portal-session.js';
import { createActiveAdvocate } from '../helpers/request-fixtures.js';

const runBrowser = chromiumAvailable();

/** Toasts fade in and out (axe would judge a half-transparent one): dismiss them before a check. */
async function dismissToasts(page: Page): Promise<void> {
  const close = page.getByRole('button', { name: 'Dismiss notification' });
  while ((await close.count()) > 0) await close.first().click().catch(() => undefined);
  await page.getByRole('alert').filter({ has: close }).waitFor({ state: 'detached' }).catch(() => undefined);
}

async function accessible(page: Page): Promise<void> {
  await dismissToasts(page);
  expect(await seriousA11yViolations(page)).toEqual([]);
}

describe.runIf(runBrowser)('an advocate updates their profile in the portal and an admin approves it', () => {
  let db: TestDatabase;
  let web: BrowserApp;
  let adminEmail = '';
  let advocateId = '';
  let advocate: Page;
  let admin: Page;

  beforeAll(async () => {
    db = await createTestDatabase();
    const d = db.database.db;
    await createOrganization(d, 'Globex Advocacy');
    adminEmail = (await createUser(d, { roles: ['admin'], name: 'Ada Admin' })).email;
    const account = await createAccount(d, { name: 'Northwind Bank', industryKey: 'banking', hqCountry: 'GB' });
    const row = await createActiveAdvocate(d, account.id, {
      firstName: 'Dana',
      lastName: 'Okafor',
      email: 'dana.okafor@northwind.example',
      title: 'VP Data Platforms',
      country: 'GB',
      timeZone: 'Europe/London',
      topicKeys: ['security'],
      languageKeys: ['en'],
      lastVerifiedAt: new Date(),
    });
    advocateId = row.id;
    web = await startBrowserApp(db.database);
    // The e-mailed link is tested by the portal's own tests: here the session is written directly.
    const session = await signInAdvocate({} as FastifyInstance, d, advocateId);
    const [name, value] = session.cookie.split('=') as [string, string];
    const context = await web.browser.newContext({ baseURL: web.baseUrl });
    await context.addCookies([{ name, value, url: web.baseUrl, httpOnly: true, sameSite: 'Lax' }]);
    advocate = await context.newPage();
  });

  afterAll(async () => {
    await web?.close();
    await db?.drop();
  });

  it('1. the advocate proposes a new title and topic; the page shows the change waiting', async () => {
    await step(advocate, 'advocate proposes a title and a topic', async () => {
      await advocate.goto('/portal/profile');
      await advocate.getByRole('heading', { level: 1, name: 'Your profile' }).waitFor();
      await advocate.getByText('VP Data Platforms').waitFor();
      await accessible(advocate);
      await advocate.getByRole('button', { name: 'Update your profile' }).click();
      const form = advocate.getByRole('form', { name: 'Update your profile' });
      await form.getByLabel('Job title', { exact: true }).fill('Chief Data Officer');
      const topics = form.getByLabel('Topics you can speak to', { exact: true });
      await topics.click();
      await topics.fill('Migra');
      await advocate.getByRole('option', { name: 'Migration', exact: true }).click();
      await advocate.keyboard.press('Escape');
      await accessible(advocate);
      await form.getByRole('button', { name: 'Send for review' }).click();
      const banner = advocate.getByRole('alert').filter({ hasText: 'Your changes wait for the program team’s review' });
      await banner.waitFor();
      await expect.poll(() => banner.textContent()).toContain('VP Data Platforms → Chief Data Officer');
      await expect.poll(() => banner.textContent()).toContain('Security → Security, Migration');
      // Nothing changes on the profile until the review.
      await advocate.getByText('VP Data Platforms', { exact: true }).first().waitFor();
      await accessible(advocate);
    });
  });

  it('2. the admin opens the review page, sees the diff and approves', async () => {
    admin = await web.signedInPage(adminEmail);
    await step(admin, 'admin reviews and approves the diff', async () => {
      await admin.getByRole('link', { name: 'Profile updates' }).click();
      await admin.getByRole('heading', { level: 1, name: 'Profile updates' }).waitFor();
      await admin.getByRole('heading', { level: 2, name: 'Dana Okafor' }).waitFor();
      const diff = admin.getByRole('table', { name: 'Proposed changes, field by field' });
      const titleRow = diff.getByRole('row').filter({ hasText: 'Job title' });
      await expect.poll(() => titleRow.textContent()).toContain('VP Data Platforms');
      await expect.poll(() => titleRow.textContent()).toContain('Chief Data Officer');
      await expect.poll(() => diff.getByRole('row').filter({ hasText: 'Topics' }).textContent()).toContain('Migration (new)');
      await accessible(admin);
      await admin.getByRole('button', { name: 'Approve', exact: true }).click();
      await admin.getByText('Approved', { exact: true }).first().waitFor();
      await admin.getByText('Applied', { exact: true }).first().waitFor();
      await accessible(admin);
    });
  });

  it('2b. the advocate’s page in Vouch shows the new title, with nothing left to review', async () => {
    await step(admin, 'admin sees the updated advocate', async () => {
      await admin.goto(`/advocates/${advocateId}`);
      await admin.getByRole('heading', { level: 1, name: 'Dana Okafor' }).waitFor();
      await admin.getByText('Chief Data Officer').first().waitFor();
      expect(await admin.getByText('Profile update waiting for review').count()).toBe(0);
    });
  });

  it('3. the advocate’s profile shows the new values and the team’s answer', async () => {
    await step(advocate, 'advocate sees the approved values', async () => {
      await advocate.reload();
      await advocate.getByText('The program team accepted your last changes').waitFor();
      await advocate.getByText('Chief Data Officer', { exact: true }).waitFor();
      await advocate.getByText('Security, Migration', { exact: true }).waitFor();
      await accessible(advocate);
    });
  });

  it('4. availability and preferences render in the portal and pass the accessibility checks', async () => {
    await step(advocate, 'advocate adds a period away and opens the preferences', async () => {
      await advocate.goto('/portal/availability');
      await advocate.getByRole('heading', { level: 1, name: 'Your availability' }).waitFor();
      const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
      await advocate.getByLabel('From', { exact: true }).fill(inDays(10));
      await advocate.getByLabel('To (last day)', { exact: true }).fill(inDays(14));
      await advocate.getByRole('button', { name: 'Add period' }).click();
      await advocate.getByRole('table', { name: 'Your periods away' }).getByRole('button', { name: /^Remove the period/ }).waitFor();
      await accessible(advocate);
      await advocate.goto('/portal/preferences');
      await advocate.getByRole('heading', { level: 1, name: 'Your preferences' }).waitFor();
      await advocate.getByRole('table', { name: 'What you are willing to do' }).waitFor();
      await accessible(advocate);
    });
  });
});

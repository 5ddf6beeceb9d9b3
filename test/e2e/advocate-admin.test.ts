import { and, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, advocates, savedSearches } from '../../src/db/schema/index.js';
import { startBrowserApp, type BrowserApp } from '../helpers/browser-app.js';
import { chromiumAvailable, seriousA11yViolations, step } from '../helpers/browser.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { createOrganization, createUser } from '../helpers/factories.js';

const runBrowser = chromiumAvailable();

describe.runIf(runBrowser)('advocate administration in a real browser', () => {
  let db: TestDatabase;
  let web: BrowserApp;
  let adminEmail = '';

  beforeAll(async () => {
    db = await createTestDatabase();
    await createOrganization(db.database.db, 'Globex Advocacy');
    adminEmail = (await createUser(db.database.db, { roles: ['admin'], name: 'Ada Admin' })).email;
    web = await startBrowserApp(db.database);
  });

  afterAll(async () => {
    await web?.close();
    await db?.drop();
  });

  const signedInPage = (email: string) => web.signedInPage(email, { acceptDownloads: true });

  async function pickOption(page: Page, label: string, text: string, option: string) {
    const input = page.getByRole('dialog').getByLabel(label, { exact: true });
    await input.click();
    await input.fill(text);
    await page.getByRole('option', { name: option, exact: true }).click();
    await page.keyboard.press('Escape');
  }

  it('an admin adds an account and an advocate, finds them, saves the search and merges a duplicate', async () => {
    const page = await signedInPage(adminEmail);
    const d = db.database.db;

    await step(page, 'admin creates an account', async () => {
      await page.goto('/accounts');
      await page.getByRole('button', { name: 'New account' }).click();
      await page.getByLabel('Company name').fill('Fabrikam Health');
      await page.getByRole('button', { name: 'Create account' }).click();
      await page.getByRole('heading', { level: 1, name: 'Fabrikam Health' }).waitFor();
    });

    await step(page, 'admin adds an advocate at the account', async () => {
      await page.getByRole('button', { name: 'Add advocate' }).first().click();
      const drawer = page.getByRole('dialog');
      await drawer.getByLabel('First name').fill('Priya');
      await drawer.getByLabel('Last name').fill('Raman');
      await drawer.getByLabel('Job title').fill('CIO');
      await pickOption(page, 'Topics they can speak to', 'Secur', 'Security');
      await drawer.getByRole('button', { name: 'Add advocate' }).click();
      await page.getByRole('heading', { level: 1, name: 'Priya Raman' }).waitFor();
    });

    // The same person arrives a second time (say, from a spreadsheet import).
    const [account] = await d.select().from(accounts).where(eq(accounts.name, 'Fabrikam Health'));
    await d.insert(advocates).values({ accountId: account!.id, firstName: 'Priya', lastName: 'Raman', title: 'Chief Information Officer', topicKeys: ['migration'], points: 15, status: 'nominated' });

    await step(page, 'admin finds the advocate by a facet', async () => {
      await page.goto('/advocates?status=nominated');
      await page.getByRole('checkbox', { name: /Security/ }).check();
      await expect.poll(() => new URL(page.url()).searchParams.getAll('topic')).toEqual(['security']);
      await expect.poll(() => page.getByRole('link', { name: /Priya Raman/ }).count(), { timeout: 10_000 }).toBe(1);
    });

    await step(page, 'admin narrows by text and saves the search', async () => {
      await page.getByLabel('Search advocates').fill('rama');
      await expect.poll(() => new URL(page.url()).searchParams.get('q'), { timeout: 10_000 }).toBe('rama');
      await page.getByRole('status').filter({ hasText: '1 advocate found' }).waitFor();
      await page.getByRole('button', { name: 'Save search' }).click();
      const dialog = page.getByRole('dialog', { name: 'Save this search' });
      await dialog.getByRole('textbox', { name: 'Name' }).fill('Nominated security people');
      await dialog.getByRole('button', { name: 'Save search' }).click();
      await page.getByRole('button', { name: 'Saved as “Nominated security people”' }).waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
      const export_ = page.getByRole('link', { name: /Export CSV/ });
      expect(await export_.getAttribute('href')).toContain('/api/advocates/search/export.csv?q=rama');
      const download = await Promise.all([page.waitForEvent('download'), export_.click()]).then(([dl]) => dl);
      expect(download.suggestedFilename()).toMatch(/^vouch-advocates-\d{4}-\d{2}-\d{2}\.csv$/);
    });

    await step(page, 'admin reopens the saved search from the menu', async () => {
      await page.goto('/advocates');
      await page.getByRole('button', { name: /Saved searches/ }).click();
      await page.getByRole('menuitem', { name: 'Nominated security people' }).click();
      await expect.poll(() => new URL(page.url()).search).toContain('q=rama');
      const params = new URL(page.url()).searchParams;
      expect(params.getAll('status')).toEqual(['nominated']);
      expect(params.getAll('topic')).toEqual(['security']);
      const [row] = await d.select().from(savedSearches).where(eq(savedSearches.name, 'Nominated security people'));
      expect(row?.query).toEqual({ q: 'rama', filters: { topic: ['security'], status: ['nominated'] } });
    });

    await step(page, 'admin merges the duplicate into the profile', async () => {
      await page.getByRole('link', { name: /Priya Raman/ }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Priya Raman' }).waitFor();
      await page.getByRole('button', { name: 'Merge duplicate…' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('Same name, same account').waitFor();
      await dialog.getByRole('button', { name: 'Compare with Priya Raman at Fabrikam Health' }).click();
      await dialog.getByRole('radiogroup', { name: 'Keep Title from' }).getByRole('radio', { name: 'Duplicate' }).check();
      expect(await seriousA11yViolations(page)).toEqual([]);
      await dialog.getByRole('button', { name: 'Merge and delete the duplicate' }).click();
      await page.getByText('Advocates merged').waitFor();
      await page.getByRole('heading', { level: 1, name: 'Priya Raman' }).waitFor();
      await page.getByText('Chief Information Officer').first().waitFor();
    });

    const left = await d.select().from(advocates).where(and(eq(advocates.accountId, account!.id), eq(advocates.lastName, 'Raman')));
    expect(left).toHaveLength(1);
    expect(left[0]).toMatchObject({ title: 'Chief Information Officer', points: 15 });
    expect([...(left[0]?.topicKeys ?? [])].sort()).toEqual(['migration', 'security']);
  });
});

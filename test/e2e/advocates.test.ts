import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advocates } from '../../src/db/schema/index.js';
import { startBrowserApp, type BrowserApp } from '../helpers/browser-app.js';
import { chromiumAvailable, seriousA11yViolations, step } from '../helpers/browser.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { createAccount, createOrganization, createUser } from '../helpers/factories.js';

const runBrowser = chromiumAvailable();

describe.runIf(runBrowser)('advocates in a real browser', () => {
  let db: TestDatabase;
  let web: BrowserApp;
  const emails = { seller: '', owner: '' };

  beforeAll(async () => {
    db = await createTestDatabase();
    const d = db.database.db;
    await createOrganization(d, 'Globex Advocacy');
    const owner = await createUser(d, { roles: ['owner'], name: 'Olive Owner' });
    emails.owner = owner.email;
    emails.seller = (await createUser(d, { roles: ['sales'], name: 'Sam Seller' })).email;
    const account = await createAccount(d, { name: 'Northwind Bank', ownerUserId: owner.id, industryKey: 'banking', hqCountry: 'GB' });
    const other = await createAccount(d, { name: 'Contoso Retail', industryKey: 'retail', hqCountry: 'US' });
    const consent = { at: '2026-01-10T09:00:00Z', method: 'Signed reference agreement', scope: ['reference_call'] };
    await d.insert(advocates).values([
      { accountId: account.id, firstName: 'Dana', lastName: 'Okafor', email: 'dana.okafor@northwind.example', phone: '+44 20 7946 0001', title: 'VP Data Platforms', seniorityKey: 'vp', functionKey: 'it', country: 'GB', topicKeys: ['security', 'migration'], status: 'active', consent, lastVerifiedAt: new Date() },
      { accountId: other.id, firstName: 'Lee', lastName: 'Marsh', email: 'lee.marsh@contoso.example', title: 'Director of Finance', seniorityKey: 'director', functionKey: 'finance', country: 'US', topicKeys: ['roi'], status: 'active', consent, lastVerifiedAt: new Date() },
    ]);
    web = await startBrowserApp(db.database);
  });

  afterAll(async () => {
    await web?.close();
    await db?.drop();
  });

  const signedInPage = (email: string) => web.signedInPage(email);

  it('a seller finds an advocate by text and by facet, and never sees contact details', async () => {
    const page = await signedInPage(emails.seller);
    await step(page, 'seller searches by text', async () => {
      await page.getByRole('navigation', { name: /main/i }).getByRole('link', { name: 'Advocates' }).click();
      await page.getByRole('link', { name: /Lee Marsh/ }).first().waitFor();
      await page.getByLabel('Search advocates').fill('okaf');
      // The search is debounced: wait for the other advocate to drop out.
      await expect.poll(() => page.getByText('Lee Marsh').count(), { timeout: 10_000 }).toBe(0);
      await page.getByRole('link', { name: /Dana Okafor/ }).first().waitFor();
    });
    await step(page, 'seller filters by facet through the URL', async () => {
      await page.goto('/advocates?topic=roi');
      await page.getByRole('link', { name: /Lee Marsh/ }).first().waitFor();
      expect(await page.getByText('Dana Okafor').count()).toBe(0);
      // The facet is shown as checked, with its count.
      expect(await page.getByRole('checkbox', { name: /ROI/ }).isChecked()).toBe(true);
    });
    await step(page, 'seller opens the profile', async () => {
      await page.goto('/advocates?q=okafor');
      await page.getByRole('link', { name: /Dana Okafor/ }).first().click();
      await page.getByRole('heading', { level: 1, name: /Dana Okafor/ }).waitFor();
      expect(await page.getByRole('button', { name: 'Show contact details' }).count()).toBe(0);
      expect(await page.content()).not.toContain('dana.okafor@northwind.example');
      expect(await seriousA11yViolations(page)).toEqual([]);
    });
  });

  it('the relationship owner reveals the contact details of their advocate', async () => {
    const page = await signedInPage(emails.owner);
    await step(page, 'owner reveals contact details', async () => {
      await page.goto('/advocates?q=okafor');
      await page.getByRole('link', { name: /Dana Okafor/ }).first().click();
      await page.getByRole('button', { name: 'Show contact details' }).click();
      await page.getByText('dana.okafor@northwind.example').first().waitFor();
    });
  });
});

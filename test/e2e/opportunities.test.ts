import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { auditEvents, opportunities } from '../../src/db/schema/index.js';
import { getProgramPolicy } from '../../src/services/program-policies/get-program-policy.js';
import { startBrowserApp, type BrowserApp } from '../helpers/browser-app.js';
import { chromiumAvailable, seriousA11yViolations, step } from '../helpers/browser.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { createOrganization, createUser } from '../helpers/factories.js';

const runBrowser = chromiumAvailable();

/** Both colour schemes pass axe without serious violations (checked once notifications, mid-animation, are gone). */
async function accessibleInBothSchemes(page: Page, what: string): Promise<void> {
  await expect.poll(() => page.locator('.mantine-Notification-root').count(), { timeout: 20_000 }).toBe(0);
  expect(await seriousA11yViolations(page), `${what} (light)`).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  const toDark = page.getByRole('button', { name: 'Switch to dark mode' });
  if (await toDark.count()) await toDark.click();
  expect(await seriousA11yViolations(page), `${what} (dark)`).toEqual([]);
  const toLight = page.getByRole('button', { name: 'Switch to light mode' });
  if (await toLight.count()) await toLight.click();
  await page.emulateMedia({ colorScheme: 'light' });
}

async function pickOption(scope: Page | ReturnType<Page['getByRole']>, page: Page, label: string, option: string) {
  await scope.getByLabel(label, { exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe.runIf(runBrowser)('opportunities and program settings in a real browser', () => {
  let db: TestDatabase;
  let web: BrowserApp;
  const people = { seller: '', admin: '' };

  beforeAll(async () => {
    db = await createTestDatabase();
    await createOrganization(db.database.db, 'Globex Advocacy');
    people.seller = (await createUser(db.database.db, { roles: ['sales'], name: 'Sam Seller' })).email;
    people.admin = (await createUser(db.database.db, { roles: ['admin'], name: 'Ada Admin' })).email;
    web = await startBrowserApp(db.database);
  });

  afterAll(async () => {
    await web?.close();
    await db?.drop();
  });

  it('a seller creates an opportunity and makes it ready for a reference call', { timeout: 240_000 }, async () => {
    const page = await web.signedInPage(people.seller);
    await step(page, 'the seller opens Opportunities and is told what to do first', async () => {
      await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Opportunities' }).click();
      await page.getByRole('heading', { level: 1, name: 'Opportunities' }).waitFor();
      await page.getByText('No opportunities yet').waitFor();
      await accessibleInBothSchemes(page, 'empty opportunities list');
    });

    await step(page, 'the seller fills in the deal and the prospect', async () => {
      await page.getByRole('button', { name: 'New opportunity' }).first().click();
      const drawer = page.getByRole('dialog');
      await drawer.getByLabel('Opportunity name').fill('Globex – analytics platform');
      await pickOption(drawer, page, 'Stage', 'Discovery');
      await drawer.getByLabel('Amount (USD)').fill('250000');
      await drawer.getByLabel('Prospect company').fill('Globex Corporation');
      await drawer.getByLabel('Country', { exact: true }).fill('France');
      await page.getByRole('option', { name: 'France', exact: true }).click();
      await drawer.getByLabel('Competitors in the deal').fill('Tableau');
      await drawer.getByLabel('Competitors in the deal').press('Enter');
      expect(await seriousA11yViolations(page), 'opportunity form').toEqual([]);
      await drawer.getByRole('button', { name: 'Create opportunity' }).click();
      await page.getByText('Opportunity created').waitFor();
      await page.getByRole('heading', { level: 1, name: 'Globex – analytics platform' }).waitFor();
    });

    const [stored] = await db.database.db.select().from(opportunities);
    expect(stored).toMatchObject({ name: 'Globex – analytics platform', prospectName: 'Globex Corporation', stageKey: 'discovery', amountUsd: 250_000, prospectCountry: 'FR', competitors: ['Tableau'] });

    await step(page, 'the page says a reference call is not ready yet, what is missing and what to do meanwhile', async () => {
      await page.getByText('Reference call: not yet').waitFor();
      await page.getByText(/The deal is at Discovery; a reference call is only arranged from Technical evaluation on/).waitFor();
      await page.getByText(/peer review site/).waitFor();
      await accessibleInBothSchemes(page, 'opportunity page');
    });

    await step(page, 'the seller ticks decision-maker buy-in and moves the deal on: the call is ready', async () => {
      await page.getByRole('switch', { name: /Decision-maker buy-in/ }).click({ force: true });
      await page.getByText('Decision-maker buy-in: yes.').waitFor();
      await page.getByLabel('Stage', { exact: true }).click();
      await page.getByRole('option', { name: 'Technical evaluation', exact: true }).click();
      await page.getByText('Reference call: ready').waitFor();
      const find = page.getByRole('link', { name: 'Find references' }).first();
      expect(await find.getAttribute('href')).toBe(`/requests/new?opportunityId=${stored?.id}`);
    });
    const [after] = await db.database.db.select().from(opportunities).where(eq(opportunities.id, stored?.id ?? ''));
    expect(after).toMatchObject({ stageKey: 'evaluation', decisionMakerBuyIn: true });

    await step(page, 'the list shows the deal', async () => {
      await page.getByRole('link', { name: 'Opportunities' }).first().click();
      await page.getByRole('table', { name: 'Opportunities' }).getByRole('link', { name: 'Globex – analytics platform' }).waitFor();
      await accessibleInBothSchemes(page, 'opportunities list');
    });
  });

  it('an admin changes the site visit lead time in the program settings, and edits the pipeline', { timeout: 240_000 }, async () => {
    const page = await web.signedInPage(people.admin);
    await step(page, 'the admin opens Program settings', async () => {
      await page.getByRole('link', { name: 'Program settings' }).click();
      await page.getByRole('heading', { level: 1, name: 'Program settings' }).waitFor();
      await page.getByText('These are the built-in defaults: nobody has changed them yet.').waitFor();
      expect(await page.getByLabel('Lead time for Site visit, in business days').inputValue()).toBe('15');
      await accessibleInBothSchemes(page, 'program policies');
    });

    await step(page, 'the admin sets 20 business days for a site visit and saves', async () => {
      await page.getByLabel('Lead time for Site visit, in business days').fill('20');
      await page.getByRole('button', { name: 'Save policies' }).click();
      await page.getByText('Policies saved').waitFor();
      await page.getByText(/Last changed .* by Ada Admin/).waitFor();
    });
    expect((await getProgramPolicy(db.database.db)).leadTimeBusinessDays.site_visit).toBe(20);
    expect(await db.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'program_policy.updated'))).toHaveLength(1);

    await step(page, 'the admin renames a pipeline stage', async () => {
      await page.getByRole('tab', { name: 'Pipeline stages' }).click();
      await page.getByLabel('Stage 2').fill('Discovery call');
      await accessibleInBothSchemes(page, 'pipeline stages');
      await page.getByRole('button', { name: 'Save pipeline' }).click();
      await page.getByText('Pipeline saved').waitFor();
    });
    expect(await db.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'pipeline.updated'))).toHaveLength(1);
  });
});

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { accounts } from '../../src/db/schema/index.js';
import { startBrowserApp, type BrowserApp } from '../helpers/browser-app.js';
import { chromiumAvailable, seriousA11yViolations, step } from '../helpers/browser.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { createOrganization, createUser } from '../helpers/factories.js';

const runBrowser = chromiumAvailable();

/** A Salesforce account export with two bad rows: an unknown industry and a missing name. */
const CSV = [
  '"Account ID","Account Name","Billing Country","Industry","Employees"',
  '"001A","Northwind Traders","United States","Technology","1200"',
  '"001B","Contoso Bank","GB","Basket weaving","45000"',
  '"001C","Fabrikam Health","Germany","Healthcare","800"',
  '"001D","","France","Retail","300"',
  '"001E","Tailspin Air","FRA","Airlines","2,500"',
].join('\r\n');

describe.runIf(runBrowser)('CSV import in a real browser', () => {
  let db: TestDatabase;
  let web: BrowserApp;
  let adminEmail = '';
  const file = join(process.cwd(), 'test-results', 'e2e', 'salesforce-accounts-two-bad-rows.csv');

  beforeAll(async () => {
    db = await createTestDatabase();
    await createOrganization(db.database.db, 'Globex Advocacy');
    adminEmail = (await createUser(db.database.db, { roles: ['admin'], name: 'Ada Admin' })).email;
    mkdirSync(join(process.cwd(), 'test-results', 'e2e'), { recursive: true });
    writeFileSync(file, CSV);
    web = await startBrowserApp(db.database);
  });

  afterAll(async () => {
    await web?.close();
    await db?.drop();
  });

  const signedInPage = (email: string) => web.signedInPage(email);

  it('an admin imports a Salesforce export with two bad rows and reads why they were rejected', async () => {
    const page = await signedInPage(adminEmail);
    await step(page, 'admin opens Import from the navigation', async () => {
      await page.getByRole('link', { name: 'Import' }).click();
      await page.getByRole('heading', { level: 1, name: 'Import' }).waitFor();
      await page.getByText('No imports yet').waitFor();
    });
    await step(page, 'admin uploads the file and sees the detected format and mapping', async () => {
      const chooser = page.waitForEvent('filechooser');
      await page.getByLabel('CSV file').click();
      await (await chooser).setFiles(file);
      await page.getByRole('button', { name: 'Upload and check columns' }).click();
      await page.getByText('Detected: Salesforce export').waitFor();
      expect(await page.getByLabel('Vouch field for column Industry').inputValue()).toBe('Industry');
      expect(await page.getByLabel('Vouch field for column Account Name').inputValue()).toMatch(/Account name/);
      // The preview already flags the bad rows.
      await page.getByRole('table', { name: 'Preview of the first rows' }).getByText(/"Basket weaving" is not a known industry/).waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
    });
    await step(page, 'a dry run counts without writing', async () => {
      await page.getByRole('button', { name: 'Dry run' }).click();
      await page.getByText(/Dry run finished: 5 of 5 rows/).waitFor();
      expect(await page.getByTestId('import-count-created').textContent()).toBe('3');
      expect(await page.getByTestId('import-count-rejected').textContent()).toBe('2');
      expect(await db.database.db.select().from(accounts)).toHaveLength(0);
    });
    await step(page, 'the import writes the good rows and lists the rejected ones with reasons', async () => {
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await page.getByText(/Import finished: 5 of 5 rows/).waitFor();
      const rejected = page.getByRole('table', { name: 'Rejected rows' });
      await rejected.getByRole('rowheader', { name: '2' }).waitFor();
      await rejected.getByText(/"Basket weaving" is not a known industry/).waitFor();
      await rejected.getByRole('rowheader', { name: '4' }).waitFor();
      await rejected.getByText('is required').waitFor();
      expect(await rejected.getByRole('row').count()).toBe(3);
      expect(await db.database.db.select().from(accounts).where(eq(accounts.crmId, '001E'))).toHaveLength(1);
      expect(await page.getByRole('link', { name: /Download report/ }).getAttribute('href')).toMatch(/\/api\/imports\/[0-9a-f-]+\/report\.csv$/);
      await page.getByRole('table', { name: 'Past imports' }).getByText('salesforce-accounts-two-bad-rows.csv').waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
    });
  });
});

import fc from 'fast-check';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../../../../test/helpers/app.js';
import { importCsv, rowsOf } from './import-test-helpers.js';

let t: TestApp;
let admin: ApiClient;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signedInAs(['admin']);
});
afterAll(() => t.close());

/** Rows with clashing names and CRM ids, blank cells, unknown countries and odd numbers. */
const accountRow = fc.record({
  crmId: fc.option(fc.constantFrom('A1', 'A2', 'A3', 'A4', 'A5'), { nil: '' }),
  name: fc.constantFrom('Acme', 'acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', ''),
  country: fc.constantFrom('France', 'FR', 'usa', 'Narnia', ''),
  industry: fc.constantFrom('Banking', 'Technology', 'COMPUTER_SOFTWARE', 'Basket weaving', ''),
  employees: fc.constantFrom('10', '1,200', 'lots', '', '0'),
});

describe('importing the same file twice', () => {
  it('changes nothing the second time, whatever the file holds', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(accountRow, { minLength: 1, maxLength: 12 }), async (rows) => {
        run++;
        // Each run gets names of its own, so runs do not see each other's accounts.
        const records = rows.map((r) => [r.crmId && `${r.crmId}-${run}`, r.name && `${r.name} ${run}`, r.country, r.industry, r.employees]);
        const csv = stringify([['Account ID', 'Account Name', 'Billing Country', 'Industry', 'Employees'], ...records]);
        const first = await importCsv(admin, 'accounts', csv);
        const second = await importCsv(admin, 'accounts', csv);
        expect(second.counts).toEqual({ created: 0, updated: 0, unchanged: first.counts.created + first.counts.updated + first.counts.unchanged, rejected: first.counts.rejected });
        const before = await rowsOf(admin, first.id);
        const after = await rowsOf(admin, second.id);
        expect(after.map((r) => (r.outcome === 'rejected' ? r.errors : r.recordId))).toEqual(before.map((r) => (r.outcome === 'rejected' ? r.errors : r.recordId)));
      }),
      { numRuns: 12 },
    );
  }, 120_000);
});

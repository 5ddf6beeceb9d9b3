import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { opportunities } from '../../../db/schema/index.js';
import { createTestApp, type ApiClient, type TestApp } from '../../../../test/helpers/app.js';
import { createUser } from '../../../../test/helpers/factories.js';
import { fixture, importCsv, rowsOf, uploadCsv, uploadOk } from './import-test-helpers.js';

let t: TestApp;
let admin: ApiClient;
let sellerId: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signedInAs(['admin']);
  sellerId = (await createUser(t.deps.db, { name: 'Sam Seller', email: 'sam.seller@example.com', roles: ['sales'] })).id;
  await createUser(t.deps.db, { name: 'Rita Marketing', email: 'rita@example.com', roles: ['marketing'] });
});
afterAll(() => t.close());

const byCrm = async (crmIds: string[]) => {
  const rows = await t.deps.db.select().from(opportunities).where(inArray(opportunities.crmId, crmIds));
  return new Map(rows.map((r) => [r.crmId, r]));
};

describe('importing opportunities', () => {
  it('is for admins only', async () => {
    for (const role of ['sales', 'owner', 'marketing', 'exec'] as const) {
      const client = await t.signedInAs([role]);
      expect((await uploadCsv(client, 'opportunities', fixture('hubspot-deals.csv'))).statusCode).toBe(403);
    }
    expect((await uploadCsv(t.client(), 'opportunities', fixture('hubspot-deals.csv'))).statusCode).toBe(401);
  });

  it('imports a Salesforce opportunity export: stages matched leniently, owners by name or e-mail, closed deals with their outcome', async () => {
    const { job } = await uploadOk(admin, 'opportunities', fixture('salesforce-opportunities.csv'));
    expect(job).toMatchObject({ kind: 'opportunities', sourceFormat: 'salesforce', totalRows: 6 });
    expect(job.mapping).toMatchObject({ 'Opportunity Name': 'opportunityName', 'Account Name': 'prospectName', Stage: 'stage', 'Opportunity Owner': 'ownerEmail' });

    const preview = (await admin.get(`/api/imports/${job.id}/preview`)).json<{ rows: { rowNumber: number; errors: { field: string }[] }[] }>();
    expect(preview.rows.map((r) => r.errors.map((e) => e.field))).toEqual([[], [], [], ['ownerEmail'], ['stage'], ['closeDate']]);

    const dry = await importCsv(admin, 'opportunities', fixture('salesforce-opportunities.csv'), true);
    expect(dry.counts).toEqual({ created: 3, updated: 0, unchanged: 0, rejected: 3 });
    expect((await byCrm(['0065g00000OpPaAAA1'])).size).toBe(0);

    const done = await importCsv(admin, 'opportunities', fixture('salesforce-opportunities.csv'));
    expect(done.counts).toEqual({ created: 3, updated: 0, unchanged: 0, rejected: 3 });
    const stored = await byCrm(['0065g00000OpPaAAA1', '0065g00000OpPbAAA1', '0065g00000OpPcAAA1']);
    expect(stored.get('0065g00000OpPaAAA1')).toMatchObject({
      name: 'Globex - Analytics platform',
      prospectName: 'Globex Corporation',
      stageKey: 'proposal',
      amountUsd: 250_000,
      closeDate: '2031-06-30',
      ownerUserId: sellerId,
      outcome: 'open',
      notes: 'Champion is the CFO',
    });
    expect(stored.get('0065g00000OpPbAAA1')).toMatchObject({ stageKey: 'discovery', amountUsd: 1_200_000, ownerUserId: sellerId });
    expect(stored.get('0065g00000OpPcAAA1')).toMatchObject({ outcome: 'won', stageKey: 'commit', closedOn: '2030-12-15', amountWonUsd: 90_000 });

    const rejected = await rowsOf(admin, done.id, 'rejected');
    expect(rejected.map((r) => [r.rowNumber, r.errors])).toEqual([
      [4, [{ field: 'ownerEmail', reason: '"Nobody Known" is not a Vouch user (invite them first, with the sales role)' }]],
      [5, [{ field: 'stage', reason: expect.stringMatching(/^"Signed in blood" is not a stage of the pipeline/) }]],
      [6, [{ field: 'closeDate', reason: '"31/13/2031" is not a date (use YYYY-MM-DD or M/D/YYYY)' }]],
    ]);

    // The same file again changes nothing.
    const again = await importCsv(admin, 'opportunities', fixture('salesforce-opportunities.csv'));
    expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: 3, rejected: 3 });
  });

  it('imports a HubSpot deal export and refuses an owner without the sales role', async () => {
    const done = await importCsv(admin, 'opportunities', fixture('hubspot-deals.csv'));
    expect(done.counts).toEqual({ created: 3, updated: 0, unchanged: 0, rejected: 1 });
    const stored = await byCrm(['7001', '7002', '7003']);
    expect(stored.get('7001')).toMatchObject({ name: 'Initech expansion', prospectName: 'Initech', stageKey: 'demonstration', closeDate: '2031-03-31', amountUsd: 40_000 });
    expect(stored.get('7002')).toMatchObject({ stageKey: 'evaluation', amountUsd: null });
    expect(stored.get('7003')).toMatchObject({ outcome: 'lost', closedOn: '2030-12-01', amountWonUsd: null });
    expect((await rowsOf(admin, done.id, 'rejected')).map((r) => r.errors)).toEqual([
      [{ field: 'ownerEmail', reason: '"Rita Marketing" is not an active Vouch user with the sales role' }],
    ]);
  });

  it('updates what the CRM changed, keeps what a blank cell leaves out, and never closes an open deal', async () => {
    const header = 'Record ID,Deal Name,Associated Company,Deal Stage,Amount,Deal owner\n';
    await importCsv(admin, 'opportunities', `${header}8001,Hooli pilot,Hooli,Qualified To Buy,1000,sam.seller@example.com\n8002,Pied Piper,Pied Piper,Contract Sent,500,Sam Seller\n`);
    const next = await importCsv(admin, 'opportunities', `${header}8001,Hooli pilot,Hooli,Proposal,,\n8002,Pied Piper,Pied Piper,Closed Won,500,Sam Seller\n`);
    expect(next.counts).toEqual({ created: 0, updated: 1, unchanged: 0, rejected: 1 });
    const stored = await byCrm(['8001', '8002']);
    expect(stored.get('8001')).toMatchObject({ stageKey: 'proposal', amountUsd: 1000, ownerUserId: sellerId });
    expect(stored.get('8002')).toMatchObject({ outcome: 'open', stageKey: 'negotiation' });
    expect((await rowsOf(admin, next.id, 'rejected'))[0]?.errors[0]?.reason).toMatch(/record the outcome on the opportunity's page in Vouch/);
  });

  it('links a deal entered by hand to its CRM id (same name at the same prospect), and needs a stage and owner for a new one', async () => {
    const seller = await t.signedInAs(['sales']);
    const made = await seller.post('/api/opportunities', { name: 'Massive Dynamic', prospectName: 'Massive Dynamic Inc', stageKey: 'discovery' });
    expect(made.statusCode, made.body).toBe(201);
    const csv = 'Opportunity ID,Opportunity Name,Account Name,Stage,Opportunity Owner\n006MD,massive dynamic,MASSIVE DYNAMIC INC,Needs Analysis,\n006NEW,Brand new,Newco,,\n006NEW2,Brand new 2,Newco,Prospecting,\n';
    const done = await importCsv(admin, 'opportunities', csv);
    expect(done.counts).toEqual({ created: 0, updated: 1, unchanged: 0, rejected: 2 });
    const [linked] = await t.deps.db.select().from(opportunities).where(eq(opportunities.id, made.json<{ id: string }>().id));
    expect(linked).toMatchObject({ crmId: '006MD', name: 'massive dynamic', ownerUserId: seller.userId });
    expect((await rowsOf(admin, done.id, 'rejected')).map((r) => r.errors.map((e) => e.field))).toEqual([['stage', 'ownerEmail'], ['ownerEmail']]);
  });

  it('rejects a second row for the same deal in one file', async () => {
    const csv = 'Record ID,Deal Name,Associated Company,Deal Stage,Deal owner\n9001,Dup,Dupco,Proposal,Sam Seller\n9001,Dup again,Dupco,Proposal,Sam Seller\n';
    const done = await importCsv(admin, 'opportunities', csv);
    expect(done.counts).toMatchObject({ created: 1, rejected: 1 });
    expect((await rowsOf(admin, done.id, 'rejected'))[0]?.errors[0]?.reason).toMatch(/duplicates row 1/);
  });
});

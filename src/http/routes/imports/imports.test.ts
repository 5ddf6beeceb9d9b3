import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { accounts, advocates, auditEvents } from '../../../db/schema/index.js';
import { ROLES, type Role } from '../../../domain/roles.js';
import { createTestApp, type ApiClient, type TestApp } from '../../../../test/helpers/app.js';
import { fixture, importCsv, rowsOf, runOk, uploadCsv, uploadOk, waitForRun, type JobJson } from './import-test-helpers.js';

let t: TestApp;
let admin: ApiClient;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signedInAs(['admin']);
});
afterAll(() => t.close());

const countOf = async (table: typeof accounts | typeof advocates) => (await t.db.database.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;

describe('who may import', () => {
  const csv = 'Account Name\nAcme\n';

  it('refuses anonymous callers with 401 on every route', async () => {
    const { job } = await uploadOk(admin, 'accounts', csv);
    const anonymous = t.client();
    const calls = [
      ['POST', '/api/imports?kind=accounts', csv],
      ['GET', '/api/imports', undefined],
      ['GET', `/api/imports/${job.id}`, undefined],
      ['PATCH', `/api/imports/${job.id}`, { mapping: {} }],
      ['GET', `/api/imports/${job.id}/preview`, undefined],
      ['POST', `/api/imports/${job.id}/runs`, { dryRun: true }],
      ['GET', `/api/imports/${job.id}/rows`, undefined],
      ['GET', `/api/imports/${job.id}/report.csv`, undefined],
    ] as const;
    for (const [method, url, payload] of calls) {
      const headers = typeof payload === 'string' ? { 'content-type': 'text/csv' } : undefined;
      const res = await anonymous.request({ method, url, payload, headers });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });

  it.each(ROLES.filter((r): r is Exclude<Role, 'admin'> => r !== 'admin'))('refuses every import route to the %s role', async (role) => {
    const { job } = await uploadOk(admin, 'accounts', csv);
    const client = await t.signedInAs([role]);
    expect((await uploadCsv(client, 'accounts', csv)).statusCode).toBe(403);
    expect((await client.get('/api/imports')).statusCode).toBe(403);
    expect((await client.get(`/api/imports/${job.id}`)).statusCode).toBe(403);
    expect((await client.patch(`/api/imports/${job.id}`, { mapping: {} })).statusCode).toBe(403);
    expect((await client.get(`/api/imports/${job.id}/preview`)).statusCode).toBe(403);
    expect((await client.post(`/api/imports/${job.id}/runs`, { dryRun: true })).statusCode).toBe(403);
    expect((await client.get(`/api/imports/${job.id}/rows`)).statusCode).toBe(403);
    const report = await client.get(`/api/imports/${job.id}/report.csv`);
    expect(report.statusCode).toBe(403);
    expect(report.headers['content-type']).toContain('application/problem+json');
  });

  it('lets admins list imports newest first, page by page', async () => {
    t.clock.advance(1000);
    const first = await uploadOk(admin, 'accounts', csv);
    t.clock.advance(1000);
    const second = await uploadOk(admin, 'accounts', csv);
    const page = (await admin.get('/api/imports?limit=1')).json<{ items: JobJson[]; nextCursor: string }>();
    expect(page.items[0]!.id).toBe(second.job.id);
    const next = (await admin.get(`/api/imports?limit=1&cursor=${page.nextCursor}`)).json<{ items: JobJson[] }>();
    expect(next.items[0]!.id).toBe(first.job.id);
    expect((await admin.get('/api/imports?cursor=nonsense')).statusCode).toBe(400);
  });
});

describe('bad input is a 4xx problem with field reasons', () => {
  const fieldsOf = (body: { errors?: { field: string; reason: string }[] }) => (body.errors ?? []).map((e) => e.field);

  it('refuses an empty file, a file without a header or rows, and unreadable CSV', async () => {
    for (const [csv, reason] of [
      ['', /empty/],
      ['\ufeff  \r\n', /empty/],
      [',,\nAcme,1,2\n', /no header/],
      ['Account Name\n', /no data rows/],
      ['Account Name,Industry\n"Acme,Software\n', /not readable CSV/],
    ] as const) {
      const res = await uploadCsv(admin, 'accounts', csv);
      expect(res.statusCode, JSON.stringify(csv)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const body = res.json<{ errors: { field: string; reason: string }[] }>();
      expect(body.errors[0]!.field).toBe('(body)');
      expect(body.errors[0]!.reason).toMatch(reason);
    }
  });

  it('accepts a charset parameter and keeps the file name', async () => {
    const res = await uploadCsv(admin, 'accounts', 'Account Name\nCharset Co\n', 'crm export.csv', 'text/csv; charset=utf-8');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<{ job: { fileName: string } }>().job.fileName).toBe('crm export.csv');
  });

  it('refuses an unknown kind, a missing kind and a body that is not CSV', async () => {
    const res = await uploadCsv(admin, 'campaigns', 'Name\nX\n');
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res.json())).toEqual(['query.kind']);
    expect((await admin.request({ method: 'POST', url: '/api/imports', payload: 'Name\nX\n', headers: { 'content-type': 'text/csv' } })).statusCode).toBe(400);
    const json = await admin.request({ method: 'POST', url: '/api/imports?kind=accounts', payload: { csv: 'Name' } });
    expect(json.statusCode).toBe(400);
    const xml = await admin.request({ method: 'POST', url: '/api/imports?kind=accounts', payload: '<a/>', headers: { 'content-type': 'application/xml' } });
    expect(xml.statusCode).toBe(415);
    expect(xml.headers['content-type']).toContain('application/problem+json');
  });

  it('refuses a mapping to an unknown field or column, a field mapped twice, and a mapping without a required field', async () => {
    const { job } = await uploadOk(admin, 'advocates', 'First Name,Last Name,Company,Other\nA,B,C,D\n');
    expect(job.mapping).toEqual({ 'First Name': 'firstName', 'Last Name': 'lastName', Company: 'accountName', Other: null });
    const res = await admin.patch(`/api/imports/${job.id}`, {
      mapping: { 'First Name': 'givenName', 'Last Name': 'lastName', Company: 'lastName', Nope: 'email' },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json<{ errors: { field: string; reason: string }[] }>();
    expect(fieldsOf(body).sort()).toEqual(['mapping', 'mapping', 'mapping.Company', 'mapping.First Name', 'mapping.Nope']);
    expect(body.errors.find((e) => e.field === 'mapping.First Name')!.reason).toMatch(/not a field of advocates/);
    expect(body.errors.filter((e) => e.field === 'mapping').map((e) => e.reason).join(' ')).toMatch(/First name.*Account CRM id.*Account name/s);
    const missing = await admin.patch(`/api/imports/${job.id}`, { mapping: { 'First Name': 'firstName', 'Last Name': 'lastName', Company: null } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json<{ errors: { reason: string }[] }>().errors[0]!.reason).toMatch(/Account CRM id \(accountCrmId\) or Account name/);
    const fixed = await admin.patch(`/api/imports/${job.id}`, { mapping: { Company: 'accountName', Other: 'title' } });
    expect(fixed.statusCode).toBe(200);
    expect(fixed.json<JobJson>().mapping).toEqual({ 'First Name': 'firstName', 'Last Name': 'lastName', Company: 'accountName', Other: 'title' });
  });

  it('refuses to run with an unusable mapping, and a second run while one is running', async () => {
    const { job } = await uploadOk(admin, 'accounts', 'Something\nAcme\n');
    const res = await admin.post(`/api/imports/${job.id}/runs`, { dryRun: true });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res.json())).toEqual(['mapping']);
    expect((await admin.post(`/api/imports/${job.id}/runs`, {})).statusCode).toBe(400);
    expect((await admin.get('/api/imports/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});

describe('CRM exports', () => {
  it('recognises a Salesforce account export (BOM, CRLF, quoted multi-line cells) and imports it', async () => {
    const { job, sample } = await uploadOk(admin, 'accounts', fixture('salesforce-accounts.csv'));
    expect(job.sourceFormat).toBe('salesforce');
    expect(job.totalRows).toBe(4);
    expect(job.mapping).toEqual({
      'Account ID': 'crmId',
      'Account Name': 'name',
      'Billing Country': 'hqCountry',
      Industry: 'industryKey',
      'Annual Revenue': 'annualRevenueUsd',
      Employees: 'employeeCount',
      'Account Owner': null,
      Description: 'notes',
    });
    expect(sample[1]![7]).toBe('Multi-line\r\nnote, with a comma');
    const done = await runOk(admin, job.id, false);
    expect(done.counts).toEqual({ created: 4, updated: 0, unchanged: 0, rejected: 0 });
    const [contoso] = await t.db.database.db.select().from(accounts).where(eq(accounts.crmId, '0015g00000AbCdFAA1'));
    expect(contoso).toMatchObject({ name: 'Contoso Bank', hqCountry: 'GB', industryKey: 'banking', annualRevenueUsd: 1_200_000_000, employeeCount: 45_000 });
    const [fabrikam] = await t.db.database.db.select().from(accounts).where(eq(accounts.crmId, '0015g00000AbCdGAA1'));
    expect(fabrikam).toMatchObject({ hqCountry: 'DE', industryKey: 'health_care', annualRevenueUsd: null });
  });

  it('recognises a Salesforce contact export and links contacts to their accounts', async () => {
    const { job, sample } = await uploadOk(admin, 'advocates', fixture('salesforce-contacts.csv'));
    expect(job.sourceFormat).toBe('salesforce');
    expect(job.mapping).toMatchObject({ 'Contact ID': 'crmId', 'Account ID': 'accountCrmId', 'Account Name': 'accountName', 'Mailing Country': 'country', Email: 'email', Phone: 'phone', Title: 'title' });
    // Protected fields are masked in the preview.
    expect(sample[0]).toContain('•••@northwind.example');
    expect(JSON.stringify(sample)).not.toContain('dana.okafor');
    const done = await runOk(admin, job.id, false);
    expect(done.counts.created).toBe(3);
    const [dana] = await t.db.database.db.select().from(advocates).where(eq(advocates.crmId, '0035g00000XyZaAAA1'));
    expect(dana).toMatchObject({ firstName: 'Dana', email: 'dana.okafor@northwind.example', country: 'US', status: 'nominated' });
  });

  it('recognises HubSpot company and contact exports (semicolons too)', async () => {
    const companies = await uploadOk(admin, 'accounts', fixture('hubspot-companies.csv'));
    expect(companies.job.sourceFormat).toBe('hubspot');
    expect(companies.job.mapping).toMatchObject({ 'Record ID': 'crmId', 'Company name': 'name', 'Country/Region': 'hqCountry', Industry: 'industryKey', 'Number of Employees': 'employeeCount', 'Annual Revenue': 'annualRevenueUsd', 'Company Domain Name': null });
    expect((await runOk(admin, companies.job.id, false)).counts.created).toBe(3);
    const contacts = await uploadOk(admin, 'advocates', fixture('hubspot-contacts.csv'));
    expect(contacts.job.sourceFormat).toBe('hubspot');
    expect(contacts.job.mapping).toMatchObject({ 'Record ID': 'crmId', 'Phone Number': 'phone', 'Job Title': 'title', 'Associated Company': 'accountName', 'Country/Region': 'country' });
    expect((await runOk(admin, contacts.job.id, false)).counts).toEqual({ created: 2, updated: 0, unchanged: 0, rejected: 0 });
    const [globex] = await t.db.database.db.select().from(accounts).where(eq(accounts.crmId, '9001'));
    expect(globex).toMatchObject({ industryKey: 'software', hqCountry: 'JP' });
  });
});

describe('running an import', () => {
  const header = 'Account ID,Account Name,Industry,Billing Country,Employees\n';
  const rows = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i},${prefix} Company ${i},Software,FR,${100 + i}`).join('\n');

  it('a dry run counts what would happen and writes no record', async () => {
    const before = await countOf(accounts);
    const done = await importCsv(admin, 'accounts', `${header}${rows('DRY', 5)}\n`, true);
    expect(done.dryRun).toBe(true);
    expect(done.counts).toEqual({ created: 5, updated: 0, unchanged: 0, rejected: 0 });
    expect(await countOf(accounts)).toBe(before);
    // The same job then imports for real.
    const real = await runOk(admin, done.id, false);
    expect(real.counts.created).toBe(5);
    expect(await countOf(accounts)).toBe(before + 5);
  });

  it('importing the same file twice changes nothing the second time', async () => {
    const csv = `${header}${rows('TWICE', 8)}\n`;
    expect((await importCsv(admin, 'accounts', csv)).counts.created).toBe(8);
    const again = await importCsv(admin, 'accounts', csv);
    expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: 8, rejected: 0 });
    expect((await rowsOf(admin, again.id)).every((r) => r.outcome === 'unchanged')).toBe(true);
    const changed = await importCsv(admin, 'accounts', csv.replace('TWICE Company 3,Software,FR,103', 'TWICE Company 3,Banking,FR,103'));
    expect(changed.counts).toEqual({ created: 0, updated: 1, unchanged: 7, rejected: 0 });
  });

  it('rejects exactly the two bad rows, with reasons, and writes the rest', async () => {
    const csv = [header.trim(), 'BAD-1,Good One,Software,FR,10', 'BAD-2,Bad Industry,Basket weaving,FR,10', 'BAD-3,Good Two,Banking,DE,20', 'BAD-4,,Software,Narnia,lots', 'BAD-5,Good Three,Retail,ES,30'].join('\n');
    const before = await countOf(accounts);
    const done = await importCsv(admin, 'accounts', csv);
    expect(done.counts).toEqual({ created: 3, updated: 0, unchanged: 0, rejected: 2 });
    expect(await countOf(accounts)).toBe(before + 3);
    const rejectedRows = await rowsOf(admin, done.id, 'rejected');
    expect(rejectedRows.map((r) => r.rowNumber)).toEqual([2, 4]);
    expect(rejectedRows[0]!.errors).toEqual([{ field: 'industryKey', reason: expect.stringMatching(/"Basket weaving" is not a known industry/) }]);
    expect(rejectedRows[1]!.errors.map((e) => e.field)).toEqual(['name', 'hqCountry', 'employeeCount']);

    const report = await admin.get(`/api/imports/${done.id}/report.csv`);
    expect(report.statusCode).toBe(200);
    expect(report.headers['content-type']).toContain('text/csv');
    expect(report.headers['content-disposition']).toBe('attachment; filename="test-report.csv"');
    const lines = report.body.trim().split('\n');
    expect(lines[0]).toBe('row,outcome,record_id,label,errors');
    expect(lines).toHaveLength(6);
    expect(lines[2]).toMatch(/^2,rejected,,Bad Industry \(BAD-2\),"?industryKey: ""Basket weaving"" is not a known industry/);
    expect(lines[1]).toMatch(/^1,created,[0-9a-f-]{36},Good One \(BAD-1\),$/);
  });

  it('rejects unknown accounts, duplicates in the file and e-mails of other advocates, per row', async () => {
    await importCsv(admin, 'accounts', 'Account ID,Account Name\nADV-ACC-1,Advocate Home\n');
    const csv = [
      'Contact ID,First Name,Last Name,Email,Account ID,Account Name',
      'C-1,Ann,Lee,ann@home.example,ADV-ACC-1,',
      'C-2,Bob,Ray,bob@home.example,,advocate home',
      'C-3,Cy,Fox,cy@home.example,NOPE,No Such Company',
      'C-4,Dee,Fox,ANN@home.example,ADV-ACC-1,',
      'C-5,Ann,Lee,,ADV-ACC-1,',
    ].join('\n');
    const done = await importCsv(admin, 'advocates', csv);
    expect(done.counts).toEqual({ created: 2, updated: 0, unchanged: 0, rejected: 3 });
    const rejectedRows = await rowsOf(admin, done.id, 'rejected');
    expect(rejectedRows.map((r) => [r.rowNumber, r.errors[0]!.field])).toEqual([[3, 'accountCrmId'], [4, 'row'], [5, 'row']]);
    expect(rejectedRows[0]!.errors[0]!.reason).toMatch(/no account with CRM id "NOPE" or name "No Such Company"/);
    expect(rejectedRows[1]!.errors[0]!.reason).toMatch(/duplicates row 1/);
    // The e-mail never appears in the report.
    expect((await admin.get(`/api/imports/${done.id}/report.csv`)).body).not.toContain('ann@home.example');

    const again = await importCsv(admin, 'advocates', 'First Name,Last Name,Email,Account Name\nEve,Lee,ann@home.example,Advocate Home\n');
    expect((await rowsOf(admin, again.id))[0]!.outcome).toBe('updated');
  });

  it('records audit events for the upload, the run and its completion', async () => {
    const done = await importCsv(admin, 'accounts', 'Account Name\nAudited Co\n');
    const events = await t.db.database.db.select().from(auditEvents).where(eq(auditEvents.targetId, done.id));
    expect(events.map((e) => e.action).sort()).toEqual(['import.completed', 'import.run_started', 'import.uploaded']);
    expect(events.find((e) => e.action === 'import.completed')!.details).toMatchObject({ created: 1, rejected: 0 });
  });

  it('previews the first rows through the mapping with their problems', async () => {
    const { job } = await uploadOk(admin, 'advocates', 'First Name,Last Name,Email,Company\nAnn,Lee,ann@x.example,Acme\nBob,,not-an-email,Acme\n');
    const res = await admin.get(`/api/imports/${job.id}/preview?limit=5`);
    expect(res.statusCode).toBe(200);
    const preview = res.json<{ rows: { rowNumber: number; cells: Record<string, string>; errors: { field: string }[] }[] }>();
    expect(preview.rows).toHaveLength(2);
    expect(preview.rows[0]).toMatchObject({ rowNumber: 1, cells: { firstName: 'Ann', email: '•••@x.example' }, errors: [] });
    expect(preview.rows[1]!.errors.map((e) => e.field)).toEqual(['email', 'lastName']);
  });

  it('a second run of a running job is refused', async () => {
    const { job } = await uploadOk(admin, 'accounts', `${header}${rows('BUSY', 3)}\n`);
    expect((await admin.post(`/api/imports/${job.id}/runs`, { dryRun: true })).statusCode).toBe(202);
    const second = await admin.post(`/api/imports/${job.id}/runs`, { dryRun: true });
    expect([202, 409]).toContain(second.statusCode);
    await waitForRun(admin, job.id);
  });
});

import { parse } from 'csv-parse/sync';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advocates, auditEvents } from '../../../db/schema/index.js';
import type { Role } from '../../../domain/roles.js';
import { EXPORT_COLUMNS, exportAdvocates, neutralizeCell } from '../../../services/advocates/export-advocates.js';
import { createTestApp, type ApiClient, type TestApp } from '../../../../test/helpers/app.js';
import { createAccount } from '../../../../test/helpers/factories.js';

let t: TestApp;
let admin: ApiClient;
let ownerA: ApiClient;
let seller: ApiClient;
const consent = { at: '2026-01-10T09:00:00Z', method: 'Signed reference agreement', scope: ['reference_call'] };

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signedInAs(['admin']);
  ownerA = await t.signedInAs(['owner']);
  seller = await t.signedInAs(['sales']);
  const a = await createAccount(t.deps.db, { name: 'Alpha Bank', ownerUserId: ownerA.userId });
  const b = await createAccount(t.deps.db, { name: 'Beta Retail' });
  const common = { status: 'active' as const, consent, lastVerifiedAt: t.clock.now(), languageKeys: ['en'] };
  await t.deps.db.insert(advocates).values([
    { ...common, accountId: a.id, firstName: 'Dana', lastName: 'Okafor', email: 'dana@alpha.example', phone: '+44 20 7946 0001', title: 'VP Data', seniorityKey: 'vp', topicKeys: ['security', 'migration'], points: 40, crmId: 'CRM-1', willingness: { reference_call: 'yes' } },
    { ...common, accountId: a.id, firstName: 'Ade', lastName: 'Bello', email: 'ade@alpha.example', title: '=HYPERLINK("http://evil.example")', topicKeys: ['roi'] },
    { ...common, accountId: b.id, firstName: 'Lee', lastName: 'Marsh', email: 'lee@beta.example', phone: '+1 555 0100', title: 'Director of Finance', topicKeys: ['roi', 'security'] },
    { ...common, accountId: b.id, firstName: 'Kim', lastName: 'Paused', email: 'kim@beta.example', status: 'paused' },
  ]);
});
afterAll(() => t.close());

type Row = Record<(typeof EXPORT_COLUMNS)[number], string>;
async function exportAs(client: ApiClient, query = '') {
  const res = await client.get(`/api/advocates/search/export.csv${query ? `?${query}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  const rows = parse(res.body, { columns: true, bom: true }) as Row[];
  return { res, rows, byName: Object.fromEntries(rows.map((r) => [r.Name, r])) };
}
const exportEvents = (userId: string | null) =>
  t.deps.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'advocate.contacts_exported'), eq(auditEvents.actorUserId, userId ?? '')));

describe('advocate CSV export', () => {
  it('gives admins every matching advocate with contact details, as a dated attachment, and audits it', async () => {
    const { res, rows, byName } = await exportAs(admin);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="vouch-advocates-${t.clock.now().toISOString().slice(0, 10)}.csv"`);
    expect(res.body.charCodeAt(0)).toBe(0xfeff);
    expect(Object.keys(rows[0] ?? {})).toEqual([...EXPORT_COLUMNS]);
    // Active only by default, in name order.
    expect(rows.map((r) => r.Name)).toEqual(['Ade Bello', 'Lee Marsh', 'Dana Okafor']);
    expect(byName['Dana Okafor']).toMatchObject({
      Account: 'Alpha Bank',
      Seniority: 'VP',
      Languages: 'English',
      Status: 'Active',
      Freshness: 'Fresh',
      Points: '40',
      'CRM id': 'CRM-1',
      'E-mail': 'dana@alpha.example',
      Phone: '+44 20 7946 0001',
      Profile: expect.stringMatching(/\/advocates\/[0-9a-f-]{36}$/),
    });
    expect(byName['Dana Okafor']?.Topics).toMatch(/Security.*; .*Migration/i);
    expect(byName['Ade Bello']?.Title).toBe(`'=HYPERLINK("http://evil.example")`);

    const [event, ...more] = await exportEvents(admin.userId);
    expect(more).toHaveLength(0);
    expect(event?.details).toMatchObject({ count: 3, fields: ['email', 'phone'], search: { sort: 'relevance' } });
    expect((event?.details as { advocateIds: string[] }).advocateIds).toHaveLength(3);
  });

  it('takes the search’s filters and text', async () => {
    expect((await exportAs(admin, 'topic=security')).rows.map((r) => r.Name)).toEqual(['Lee Marsh', 'Dana Okafor']);
    expect((await exportAs(admin, 'q=marsh')).rows.map((r) => r.Name)).toEqual(['Lee Marsh']);
    expect((await exportAs(admin, 'status=paused&sort=name')).rows.map((r) => r.Name)).toEqual(['Kim Paused']);
    const none = await exportAs(admin, 'topic=security&q=nobodyhere');
    expect(none.rows).toEqual([]);
    expect(none.res.body).toContain('Name,First name');
  });

  it('fills contact details for the relationship owner only at their own accounts', async () => {
    const { byName } = await exportAs(ownerA);
    expect(byName['Dana Okafor']?.['E-mail']).toBe('dana@alpha.example');
    expect(byName['Ade Bello']?.['E-mail']).toBe('ade@alpha.example');
    expect(byName['Lee Marsh']).toMatchObject({ 'E-mail': '', Phone: '', Account: 'Beta Retail' });
    const [event] = await exportEvents(ownerA.userId);
    expect(event?.details).toMatchObject({ count: 2 });
  });

  it('never includes contact details for sales, marketing and exec, and logs no reveal for them', async () => {
    const roles: Role[] = ['sales', 'marketing', 'exec'];
    for (const role of roles) {
      const client = role === 'sales' ? seller : await t.signedInAs([role]);
      const { res, rows } = await exportAs(client, 'status=active,paused');
      expect(rows, role).toHaveLength(4);
      expect(rows.every((r) => r['E-mail'] === '' && r.Phone === ''), role).toBe(true);
      for (const secret of ['@alpha.example', '@beta.example', '7946', '555 0100']) expect(res.body, role).not.toContain(secret);
      expect(await exportEvents(client.userId), role).toEqual([]);
    }
  });

  it('refuses anonymous callers and bad input with problems', async () => {
    expect((await t.client().get('/api/advocates/search/export.csv')).statusCode).toBe(401);
    const bad = await admin.get('/api/advocates/search/export.csv?sort=random&accountId=nope');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['query.accountId', 'query.sort']);
  });

  it('walks every page of a large result exactly once', async () => {
    const records: string[][] = [];
    for await (const record of exportAdvocates(t.deps, { userId: admin.userId ?? '', email: 'a@example.com', name: 'Admin', roles: ['admin'], team: 'sales', ip: null }, { sort: 'name', filters: { status: ['active', 'paused'] } }, { canRevealContact: () => false, pageSize: 1 })) {
      records.push(record);
    }
    expect(records[0]).toEqual([...EXPORT_COLUMNS]);
    expect(records.slice(1).map((r) => r[0])).toEqual(['Ade Bello', 'Lee Marsh', 'Dana Okafor', 'Kim Paused']);
  });

  it('neutralizes formulas but keeps phone numbers and negative numbers', () => {
    expect(neutralizeCell('=1+1')).toBe("'=1+1");
    expect(neutralizeCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutralizeCell('+CMD|calc')).toBe("'+CMD|calc");
    expect(neutralizeCell('+44 20 7946 0001')).toBe('+44 20 7946 0001');
    expect(neutralizeCell('-12')).toBe('-12');
    expect(neutralizeCell('Plain text')).toBe('Plain text');
  });
});

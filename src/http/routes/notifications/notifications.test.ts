import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications } from '../../../db/schema/index.js';
import { ROLES, type Role } from '../../../domain/roles.js';
import { notify } from '../../../services/notifications/notify.js';
import { createTestApp, type ApiClient, type TestApp } from '../../../../test/helpers/app.js';

let t: TestApp;
const clients = {} as Record<Role, ApiClient>;
beforeAll(async () => {
  t = await createTestApp();
  for (const role of ROLES) clients[role] = await t.signedInAs([role]);
});
afterAll(() => t.close());

interface NotificationView {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

/** Inserts notifications for a user, the first one oldest (one second apart, plus microseconds). */
async function seed(userId: string, count: number, options: { readFirst?: number; link?: string | null; base?: Date } = {}) {
  const base = options.base ?? new Date('2026-11-20T09:00:00Z');
  const rows = Array.from({ length: count }, (_, i) => ({
    userId,
    kind: 'request.scheduled',
    title: `Notice ${i + 1}`,
    body: `Body ${i + 1}`,
    link: options.link === undefined ? `/requests/${i + 1}` : options.link,
    createdAt: new Date(base.getTime() + i * 1000),
    readAt: i < (options.readFirst ?? 0) ? new Date(base.getTime() + i * 1000 + 500) : null,
  }));
  return t.db.database.db.insert(notifications).values(rows).returning();
}

const unreadCount = async (client: ApiClient) => {
  const res = await client.get('/api/notifications/unread-count');
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ unread: number }>().unread;
};

async function listAll(client: ApiClient, query: string): Promise<NotificationView[]> {
  const items: NotificationView[] = [];
  let cursor: string | null = null;
  do {
    const res = await client.get(`/api/notifications?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json<{ items: NotificationView[]; nextCursor: string | null }>();
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

describe('in-app notifications', () => {
  it.each(ROLES)('lets a %s list, count and mark their own notifications read', async (role) => {
    const client = clients[role];
    const rows = await seed(client.userId!, 3, { readFirst: 1 });
    expect(await unreadCount(client)).toBe(2);

    const list = await client.get('/api/notifications');
    expect(list.statusCode, list.body).toBe(200);
    const page = list.json<{ items: NotificationView[]; nextCursor: string | null }>();
    expect(page.items.map((i) => i.title)).toEqual(['Notice 3', 'Notice 2', 'Notice 1']);
    expect(page.items[0]).toMatchObject({ id: rows[2]!.id, kind: 'request.scheduled', body: 'Body 3', link: '/requests/3', readAt: null });
    expect(page.items[2]?.readAt).not.toBeNull();
    expect(page.nextCursor).toBeNull();

    const unread = await client.get('/api/notifications?unread=true');
    expect(unread.json().items.map((i: NotificationView) => i.title)).toEqual(['Notice 3', 'Notice 2']);

    const read = await client.post(`/api/notifications/${rows[1]!.id}/read`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().readAt).toEqual(t.clock.now().toISOString());
    expect(await unreadCount(client)).toBe(1);

    const all = await client.post('/api/notifications/read-all');
    expect(all.statusCode, all.body).toBe(200);
    expect(all.json()).toEqual({ marked: 1 });
    expect(await unreadCount(client)).toBe(0);
    expect((await client.get('/api/notifications?unread=true')).json().items).toEqual([]);
  });

  it('keeps the first read time when a notification is read again, and read-all with nothing unread marks none', async () => {
    const client = clients.sales;
    const [row] = await seed(client.userId!, 1);
    const first = (await client.post(`/api/notifications/${row!.id}/read`)).json<NotificationView>().readAt;
    t.clock.advance(60_000);
    const again = await client.post(`/api/notifications/${row!.id}/read`);
    expect(again.statusCode).toBe(200);
    expect(again.json().readAt).toBe(first);
    await client.post('/api/notifications/read-all');
    expect((await client.post('/api/notifications/read-all')).json()).toEqual({ marked: 0 });
  });

  it('pages newest first without skipping or repeating rows that share a millisecond', async () => {
    const client = await t.signedInAs(['marketing']);
    const base = new Date('2026-11-21T10:00:00Z');
    const db = t.db.database.db;
    await seed(client.userId!, 7, { base });
    // Two more in the same millisecond as the 4th, told apart by microseconds only.
    const [a] = await seed(client.userId!, 1, { base: new Date(base.getTime() + 3000) });
    const [b] = await seed(client.userId!, 1, { base: new Date(base.getTime() + 3000) });
    await db.execute(sql`update notifications set created_at = created_at + interval '250 microseconds' where id = ${a!.id}`);
    await db.execute(sql`update notifications set created_at = created_at + interval '750 microseconds' where id = ${b!.id}`);

    const items = await listAll(client, 'limit=2');
    expect(items).toHaveLength(9);
    expect(new Set(items.map((i) => i.id)).size).toBe(9);
    const times = items.map((i) => i.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(items.slice(3, 6).map((i) => i.id)).toEqual(expect.arrayContaining([a!.id, b!.id]));

    await client.post(`/api/notifications/${items[0]!.id}/read`);
    const unread = await listAll(client, 'unread=true&limit=3');
    expect(unread.map((i) => i.id)).toEqual(items.slice(1).map((i) => i.id));
  });

  it('never shows or marks another person’s notifications, admins included (404)', async () => {
    const owner = await t.signedInAs(['owner']);
    const [theirs] = await seed(owner.userId!, 1);
    for (const role of ROLES) {
      const client = clients[role];
      const ids = (await listAll(client, 'limit=200')).map((i) => i.id);
      expect(ids).not.toContain(theirs!.id);
      const res = await client.post(`/api/notifications/${theirs!.id}/read`);
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
      await client.post('/api/notifications/read-all');
    }
    const [row] = await t.db.database.db.select().from(notifications).where(eq(notifications.id, theirs!.id));
    expect(row?.readAt).toBeNull();
    expect(await unreadCount(owner)).toBe(1);
    // A missing id answers the same.
    expect((await owner.post('/api/notifications/00000000-0000-4000-8000-000000000000/read')).statusCode).toBe(404);
  });

  it('refuses bad input with a reason per field, and anonymous callers with 401', async () => {
    const client = clients.exec;
    const bad = await client.get('/api/notifications?unread=maybe&limit=0');
    expect(bad.statusCode).toBe(400);
    expect((bad.json().errors as { field: string }[]).map((e) => e.field).sort()).toEqual(['query.limit', 'query.unread']);
    for (const cursor of ['nonsense', Buffer.from(JSON.stringify(['not a time', '00000000-0000-4000-8000-000000000000'])).toString('base64url'), Buffer.from(JSON.stringify(['2026-01-01', 'x'])).toString('base64url')]) {
      const res = await client.get(`/api/notifications?cursor=${cursor}`);
      expect(res.statusCode, cursor).toBe(400);
      expect(res.json().errors).toEqual([{ field: 'query.cursor', reason: 'is not a cursor this API returned' }]);
    }
    expect((await client.post('/api/notifications/not-a-uuid/read')).statusCode).toBe(400);
    const anonymous = t.client();
    expect((await anonymous.get('/api/notifications')).statusCode).toBe(401);
    expect((await anonymous.get('/api/notifications/unread-count')).statusCode).toBe(401);
    expect((await anonymous.post('/api/notifications/read-all')).statusCode).toBe(401);
  });

  it('only links inside the app', async () => {
    const client = await t.signedInAs(['sales']);
    await seed(client.userId!, 1, { link: 'https://evil.example/' });
    await seed(client.userId!, 1, { link: '//evil.example/', base: new Date('2026-11-20T09:00:05Z') });
    await seed(client.userId!, 1, { link: '/opportunities/1', base: new Date('2026-11-20T09:00:10Z') });
    const items = (await client.get('/api/notifications')).json().items as NotificationView[];
    expect(items.map((i) => i.link)).toEqual(['/opportunities/1', null, null]);
  });

  it('shows what notify() wrote, and honours a person’s choice to turn an optional message off', async () => {
    const client = await t.signedInAs(['sales']);
    // A minute apart, so "newest first" has one answer (the test clock stands still otherwise).
    const send = async (kind: 'request.won' | 'request.scheduled', title: string) => {
      t.clock.advance(60_000);
      await t.deps.db.transaction((tx) =>
        notify(t.deps, tx, {
          kind,
          recipients: [{ kind: 'user', userId: client.userId! }],
          link: '/opportunities',
          render: (person) => ({ email: { subject: title, text: `Hello ${person.name}`, html: '<p>Hello</p>' }, title, body: `For ${person.name}` }),
        }),
      );
    };
    await send('request.won', 'Globex was won');
    const put = await client.request({ method: 'PUT', url: '/api/me/notification-preferences', payload: { preferences: { 'request.won': false } } });
    expect(put.statusCode, put.body).toBe(200);
    await send('request.won', 'Initech was won');
    await send('request.scheduled', 'Your call is scheduled');
    const items = (await client.get('/api/notifications')).json().items as NotificationView[];
    expect(items.map((i) => [i.kind, i.title, i.link])).toEqual([
      ['request.scheduled', 'Your call is scheduled', '/opportunities'],
      ['request.won', 'Globex was won', '/opportunities'],
    ]);
    expect(await unreadCount(client)).toBe(2);
  });
});

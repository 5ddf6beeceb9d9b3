import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications, users } from '../../src/db/schema/index.js';
import { startBrowserApp, type BrowserApp } from '../helpers/browser-app.js';
import { chromiumAvailable, seriousA11yViolations, step } from '../helpers/browser.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { createOrganization, createUser } from '../helpers/factories.js';

const runBrowser = chromiumAvailable();

/** Puts the app in this colour scheme, whether the emulated media already flipped it or the toggle must. */
async function useScheme(page: Page, scheme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme });
  const done = page.getByRole('button', { name: `Switch to ${scheme === 'dark' ? 'light' : 'dark'} mode` });
  try {
    await done.waitFor({ timeout: 2000 });
  } catch {
    await page.getByRole('button', { name: `Switch to ${scheme} mode` }).click();
    await done.waitFor();
  }
}

/** Both colour schemes pass axe without serious violations (checked once toasts, mid-animation, are gone). */
async function accessibleInBothSchemes(page: Page, what: string): Promise<void> {
  await expect.poll(() => page.locator('.mantine-Notification-root').count(), { timeout: 20_000 }).toBe(0);
  expect(await seriousA11yViolations(page), `${what} (light)`).toEqual([]);
  await useScheme(page, 'dark');
  expect(await seriousA11yViolations(page), `${what} (dark)`).toEqual([]);
  await useScheme(page, 'light');
}

describe.runIf(runBrowser)('in-app notifications and message choices in a real browser', () => {
  let db: TestDatabase;
  let web: BrowserApp;
  const seller = { id: '', email: '' };

  beforeAll(async () => {
    db = await createTestDatabase();
    await createOrganization(db.database.db, 'Globex Advocacy');
    const sam = await createUser(db.database.db, { roles: ['sales'], name: 'Sam Seller' });
    Object.assign(seller, { id: sam.id, email: sam.email });
    const admin = await createUser(db.database.db, { roles: ['admin'], name: 'Ada Admin' });
    const now = Date.now();
    // 30 notices for the seller, the newest three unread; one for someone else.
    await db.database.db.insert(notifications).values(
      Array.from({ length: 30 }, (_, i) => ({
        userId: sam.id,
        kind: i === 0 ? 'request.advocate_accepted' : 'request.owner_declined',
        title: i === 0 ? 'Grace Hopper accepted your request' : `Older notice ${i}`,
        body: i === 0 ? 'Schedule the call with Globex Corporation.' : 'Something happened on a request.',
        link: i === 0 ? '/requests' : '/opportunities',
        createdAt: new Date(now - (i + 1) * 60_000),
        readAt: i < 3 ? null : new Date(now - i * 60_000),
      })),
    );
    await db.database.db.insert(notifications).values({ userId: admin.id, kind: 'request.submitted', title: 'Not for the seller', link: '/program-queue' });
    web = await startBrowserApp(db.database);
  });

  afterAll(async () => {
    await web?.close();
    await db?.drop();
  });

  it('a seller sees the unread count, opens a notice from the bell, marks all read and turns off an optional message', { timeout: 240_000 }, async () => {
    const page = await web.signedInPage(seller.email);

    await step(page, 'the bell shows three unread and the popover the latest ten', async () => {
      const bell = page.getByRole('button', { name: 'Notifications, 3 unread' });
      await bell.waitFor();
      await bell.click();
      const latest = page.getByRole('list', { name: 'Latest notifications' });
      await latest.waitFor();
      await expect.poll(() => latest.getByRole('listitem').count()).toBe(10);
      expect(await page.getByText('Not for the seller').count()).toBe(0);
      expect(await seriousA11yViolations(page), 'bell popover').toEqual([]);
    });

    await step(page, 'clicking a notice follows its link and the count drops', async () => {
      await page.getByRole('link', { name: /Grace Hopper accepted your request/ }).click();
      await page.getByRole('heading', { level: 1, name: 'My requests' }).waitFor();
      await page.getByRole('button', { name: 'Notifications, 2 unread' }).waitFor();
    });

    await step(page, 'mark all read from the bell empties the count', async () => {
      await page.getByRole('button', { name: 'Notifications, 2 unread' }).click();
      await page.getByRole('button', { name: 'Mark all read' }).click();
      await page.getByRole('button', { name: 'Notifications, none unread' }).waitFor();
      await page.keyboard.press('Escape');
    });

    await step(page, 'the full list pages with load more and filters to unread', async () => {
      await page.goto('/notifications');
      await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
      await page.getByText('Showing the first 25 notifications').waitFor();
      await page.getByRole('button', { name: 'Load more' }).click();
      await page.getByText('Showing all 30 notifications').waitFor();
      await accessibleInBothSchemes(page, 'notifications page');
      await page.getByText('Unread', { exact: true }).click();
      await page.getByText('You are all caught up').waitFor();
    });

    await step(page, 'the seller turns off an optional message from the user menu, and it stays off', async () => {
      await page.getByRole('button', { name: 'User menu' }).click();
      await page.getByRole('menuitem', { name: 'Notification settings' }).click();
      await page.getByRole('heading', { level: 1, name: 'Notification settings' }).waitFor();
      const won = page.getByRole('switch', { name: /^Deal won/ });
      expect(await won.isChecked()).toBe(true);
      expect(await page.getByRole('switch', { name: /^Scheduled/ }).isDisabled()).toBe(true);
      await page.getByText('Always sent', { exact: true }).first().waitFor();
      await accessibleInBothSchemes(page, 'notification settings');
      await won.click();
      await expect.poll(async () => (await db.database.db.select({ o: users.notificationOptOuts }).from(users).where(eq(users.id, seller.id)))[0]?.o).toEqual(['request.won']);
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Notification settings' }).waitFor();
      await expect.poll(() => page.getByRole('switch', { name: /^Deal won/ }).isChecked()).toBe(false);
    });
  });
});

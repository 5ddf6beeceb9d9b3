import { and, desc, eq, sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities, advocates, impactRecords, outboxMessages, requestCandidates, thankYous } from '../../src/db/schema/index.js';
import { businessDateAfter } from '../../src/domain/requests/business-days.js';
import type { Actor, ServiceDeps } from '../../src/services/context.js';
import { approveCandidate } from '../../src/services/requests/approve-candidate.js';
import { createRequest } from '../../src/services/requests/create-request.js';
import { startBrowserApp, type BrowserApp } from '../helpers/browser-app.js';
import { chromiumAvailable, seriousA11yViolations, step } from '../helpers/browser.js';
import { testConfig } from '../helpers/config.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { createAccount, createOrganization, createUser } from '../helpers/factories.js';
import { createActiveAdvocate, createOpportunity } from '../helpers/request-fixtures.js';

const runBrowser = chromiumAvailable();
const EMAIL = 'dana.okafor@northwind.example';

async function accessible(page: Page): Promise<void> {
  expect(await seriousA11yViolations(page)).toEqual([]);
}

const actorOf = (user: { id: string; email: string; name: string; roles: Actor['roles']; team: Actor['team'] }): Actor => ({
  userId: user.id,
  email: user.email,
  name: user.name,
  roles: user.roles,
  team: user.team,
  ip: '127.0.0.1',
});

describe.runIf(runBrowser)('the advocate portal in a real browser', () => {
  let db: TestDatabase;
  let web: BrowserApp;
  let page: Page;
  let advocateId = '';

  beforeAll(async () => {
    db = await createTestDatabase();
    const d = db.database.db;
    await createOrganization(d, 'Globex Advocacy');
    const seller = await createUser(d, { roles: ['sales'], name: 'Sam Seller' });
    const owner = await createUser(d, { roles: ['owner'], team: 'customer_success', name: 'Olive Owner' });
    const account = await createAccount(d, { name: 'Northwind Bank', ownerUserId: owner.id, industryKey: 'banking', hqCountry: 'GB', employeeCount: 2500 });
    const advocate = await createActiveAdvocate(d, account.id, { firstName: 'Dana', lastName: 'Okafor', email: EMAIL, country: 'GB', topicKeys: ['security'], lastVerifiedAt: new Date() });
    advocateId = advocate.id;
    web = await startBrowserApp(db.database);
    const deps: ServiceDeps = { db: d, config: testConfig({ PUBLIC_URL: web.baseUrl }), now: () => new Date(), log: pino({ level: 'silent' }) };

    // A deal Dana helped win last quarter, with a thank-you: her impact.
    const won = await createOpportunity(d, seller.id, { name: 'Initech core banking (internal)', prospectName: 'Initech', outcome: 'won', amountWonUsd: 400_000, closedOn: '2026-01-15' });
    const [call] = await d
      .insert(activities)
      .values({ advocateId, accountId: account.id, activityTypeKey: 'reference_call', status: 'happened', occursOn: '2026-01-05', weight: 1, opportunityId: won.id })
      .returning();
    await d.insert(impactRecords).values({ advocateId, opportunityId: won.id, activityId: call!.id, amountWonUsd: 400_000, wonOn: '2026-01-15' });
    await d.insert(thankYous).values({ advocateId, activityId: call!.id, kind: 'note', points: 25, note: 'You made the difference with Initech.', givenByUserId: seller.id });
    await d.update(advocates).set({ points: 25 }).where(eq(advocates.id, advocateId));

    // A seller's request for a reference call, approved by the owner: an ask waits for Dana.
    const deal = await createOpportunity(d, seller.id, { name: 'Acme Bank platform', prospectName: 'Acme Bank', prospectCountry: 'GB' });
    const request = await createRequest(deps, actorOf(seller), {
      opportunityId: deal.id,
      activityTypeKey: 'reference_call',
      neededBy: businessDateAfter(new Date(), 10),
      topicKeys: ['security'],
      submit: true,
      pickedAdvocateIds: [advocateId],
    });
    const [candidate] = await d.select().from(requestCandidates).where(eq(requestCandidates.requestId, request.id));
    await approveCandidate(deps, actorOf(owner), request.id, candidate!.id, null);
  });

  afterAll(async () => {
    await web?.close();
    await db?.drop();
  });

  it('1. asks for a sign-in link and is told to check the inbox, known address or not', async () => {
    page = await (await web.browser.newContext({ baseURL: web.baseUrl })).newPage();
    await step(page, 'advocate asks for a link', async () => {
      await page.goto('/portal');
      await page.getByRole('heading', { level: 1, name: 'Sign in to your advocate page' }).waitFor();
      await accessible(page);
      await page.getByRole('button', { name: 'E-mail me a sign-in link' }).click();
      await page.getByText('Enter the e-mail address we know you by').waitFor();
      await page.getByLabel('Your e-mail address').fill(EMAIL);
      await page.getByRole('button', { name: 'E-mail me a sign-in link' }).click();
      await page.getByRole('heading', { level: 1, name: 'Check your inbox' }).waitFor();
      await accessible(page);
    });
  });

  it('2. a used or broken link offers a new one; the e-mailed link signs in', async () => {
    await step(page, 'advocate opens the link from the outbox', async () => {
      await page.goto('/portal/auth?token=not-a-real-token');
      await page.getByRole('heading', { level: 1, name: 'This link can’t be used' }).waitFor();
      await page.getByRole('link', { name: 'Get a new sign-in link' }).waitFor();
      await accessible(page);
      const [mail] = await db.database.db
        .select()
        .from(outboxMessages)
        .where(and(eq(outboxMessages.kind, 'advocate.sign_in_link'), sql`${outboxMessages.payload} ->> 'advocateId' = ${advocateId}`))
        .orderBy(desc(outboxMessages.createdAt))
        .limit(1);
      const link = /(http\S+\/portal\/auth\?token=[A-Za-z0-9_-]+)/.exec(mail!.bodyText)![1]!;
      await page.goto(link);
      await page.getByRole('heading', { level: 1, name: 'Hello Dana' }).waitFor();
      expect(page.url()).not.toContain('token=');
      await page.getByTestId('portal-advocate-name').getByText('Dana Okafor').waitFor();
      await page.getByRole('heading', { level: 2, name: 'Waiting for your answer' }).waitFor();
      await page.getByText('Acme Bank', { exact: false }).first().waitFor();
      await accessible(page);
    });
  });

  it('3. sees the pending ask and accepts it', async () => {
    await step(page, 'advocate accepts the ask', async () => {
      await page.getByRole('button', { name: 'Yes, I’ll help with the reference call' }).click();
      await page.getByRole('heading', { level: 2, name: 'Coming up' }).waitFor();
      await page.getByText('You said yes').waitFor();
      await page.getByText('Nothing is waiting for your answer right now.').waitFor();
      await accessible(page);
      const [candidate] = await db.database.db.select().from(requestCandidates).where(eq(requestCandidates.advocateId, advocateId));
      expect(candidate!.status).toBe('accepted');
      // The dark scheme passes axe too.
      await page.getByRole('button', { name: 'Switch to dark mode' }).click();
      await page.locator('html[data-mantine-color-scheme="dark"]').waitFor({ state: 'attached' });
      await accessible(page);
      await page.getByRole('button', { name: 'Switch to light mode' }).click();
      await page.locator('html[data-mantine-color-scheme="light"]').waitFor({ state: 'attached' });
    });
  });

  it('4. sees their impact', async () => {
    await step(page, 'advocate reads their impact', async () => {
      await page.getByRole('navigation', { name: 'Your pages' }).getByRole('link', { name: 'Your impact' }).click();
      await page.getByRole('heading', { level: 1, name: 'Your impact' }).waitFor();
      await page.getByText(/Initech chose us/).waitFor();
      await page.getByText('You made the difference with Initech.').waitFor();
      expect(await page.getByText('Initech core banking (internal)').count()).toBe(0);
      await accessible(page);
      // The profile pages live in the same shell.
      await page.getByRole('navigation', { name: 'Your pages' }).getByRole('link', { name: 'Profile' }).click();
      await page.getByRole('heading', { level: 1, name: 'Your profile' }).waitFor();
      await page.getByTestId('portal-advocate-name').getByText('Dana Okafor').waitFor();
    });
  });

  it('5. withdraws from the program after confirming what it means, and can sign out', async () => {
    await step(page, 'advocate withdraws', async () => {
      await page.getByRole('navigation', { name: 'Your pages' }).getByRole('link', { name: 'Withdraw' }).click();
      await page.getByRole('heading', { level: 1, name: 'Withdraw from the program' }).waitFor();
      await page.getByText('What withdrawing means').waitFor();
      await accessible(page);
      await page.getByRole('button', { name: 'Withdraw from the program' }).click();
      await page.getByText('Tick this box to confirm').waitFor();
      await page.getByLabel('Would you tell us why? (optional)').fill('Changing roles');
      await page.getByLabel('I understand: withdraw me from the program').check();
      await page.getByRole('button', { name: 'Withdraw from the program' }).click();
      await page.getByRole('heading', { level: 1, name: 'You have withdrawn' }).waitFor();
      await accessible(page);
      const [after] = await db.database.db.select().from(advocates).where(eq(advocates.id, advocateId));
      expect(after!.status).toBe('withdrawn');
      const [candidate] = await db.database.db.select().from(requestCandidates).where(eq(requestCandidates.advocateId, advocateId));
      expect(candidate!.status).toBe('withdrawn');
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('heading', { level: 1, name: 'Sign in to your advocate page' }).waitFor();
    });
  });
});

import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, impactRecords, outboxMessages } from '../../src/db/schema/index.js';
import { startBrowserApp, type BrowserApp } from '../helpers/browser-app.js';
import { chromiumAvailable, seriousA11yViolations, step } from '../helpers/browser.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { createAccount, createOrganization, createUser } from '../helpers/factories.js';
import { createActiveAdvocate, createOpportunity } from '../helpers/request-fixtures.js';

const runBrowser = chromiumAvailable();

const ADVOCATE_EMAIL = 'dana.okafor@northwind.example';
const ADVOCATE_PHONE = '+44 20 7946 0001';

/** A day `days` from today at `time`, in the browser's time zone, as a datetime-local value. */
function dayAt(days: number, time: string): string {
  const date = new Date(Date.now() + days * 24 * 3600 * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${time}`;
}

/** Yesterday at 10:00 (a call logged after it happened). */
const yesterdayAtTen = () => dayAt(-1, '10:00');

/** Toasts fade in and out (axe would judge a half-transparent one): dismiss them before a check. */
async function dismissToasts(page: Page): Promise<void> {
  const close = page.getByRole('button', { name: 'Dismiss notification' });
  while ((await close.count()) > 0) await close.first().click().catch(() => undefined);
  await page.getByRole('alert').filter({ has: close }).waitFor({ state: 'detached' }).catch(() => undefined);
}

async function accessible(page: Page): Promise<void> {
  await dismissToasts(page);
  expect(await seriousA11yViolations(page)).toEqual([]);
}

/** Both colour schemes pass axe without serious violations (the header's toggle switches between them). */
async function accessibleInBothSchemes(page: Page): Promise<void> {
  await accessible(page);
  await page.getByRole('button', { name: 'Switch to dark mode' }).click();
  await page.locator('html[data-mantine-color-scheme="dark"]').waitFor({ state: 'attached' });
  await accessible(page);
  await page.getByRole('button', { name: 'Switch to light mode' }).click();
  await page.locator('html[data-mantine-color-scheme="light"]').waitFor({ state: 'attached' });
}

describe.runIf(runBrowser)('the reference request loop in a real browser, by four parties', () => {
  let db: TestDatabase;
  let web: BrowserApp;
  const people = { seller: '', owner: '', admin: '', marketing: '' };
  let opportunityId = '';
  let opportunityName = '';
  // The loop's parties, their pages and what one step hands to the next.
  let seller: Page;
  let owner: Page;
  let admin: Page;
  let advocate: Page;
  let requestUrl = '';
  let askLink = '';
  let earlyOpportunityId = '';
  let blockedUrl = '';

  beforeAll(async () => {
    db = await createTestDatabase();
    const d = db.database.db;
    await createOrganization(d, 'Globex Advocacy');
    const seller = await createUser(d, { roles: ['sales'], name: 'Sam Seller' });
    const owner = await createUser(d, { roles: ['owner'], team: 'customer_success', name: 'Olive Owner' });
    const admin = await createUser(d, { roles: ['admin'], name: 'Ada Admin' });
    people.seller = seller.email;
    people.owner = owner.email;
    people.admin = admin.email;
    const account = await createAccount(d, { name: 'Northwind Bank', ownerUserId: owner.id, industryKey: 'banking', hqCountry: 'GB', employeeCount: 2500 });
    await createActiveAdvocate(d, account.id, {
      firstName: 'Dana',
      lastName: 'Okafor',
      email: ADVOCATE_EMAIL,
      phone: ADVOCATE_PHONE,
      title: 'VP Data Platforms',
      seniorityKey: 'vp',
      functionKey: 'it',
      country: 'GB',
      topicKeys: ['security', 'migration'],
      lastVerifiedAt: new Date(),
    });
    const opportunity = await createOpportunity(d, seller.id, {
      name: 'Acme Bank platform',
      prospectName: 'Acme Bank',
      prospectIndustryKey: 'banking',
      prospectEmployeeCount: 3000,
      prospectCountry: 'GB',
      stageKey: 'proposal',
      amountUsd: 250_000,
    });
    opportunityId = opportunity.id;
    // A second customer and a deal still in discovery: not ready for a reference call.
    const retail = await createAccount(d, { name: 'Contoso Retail', ownerUserId: owner.id, industryKey: 'retail', hqCountry: 'GB', employeeCount: 900 });
    await createActiveAdvocate(d, retail.id, { firstName: 'Lee', lastName: 'Marsh', title: 'Director of IT', seniorityKey: 'director', functionKey: 'it', country: 'GB', lastVerifiedAt: new Date() });
    const early = await createOpportunity(d, seller.id, {
      name: 'Fabrikam stores rollout',
      prospectName: 'Fabrikam',
      prospectIndustryKey: 'retail',
      prospectEmployeeCount: 800,
      prospectCountry: 'GB',
      stageKey: 'discovery',
      decisionMakerBuyIn: false,
      technicalApproval: false,
      budgetConfirmed: false,
      finalist: false,
    });
    earlyOpportunityId = early.id;
    const tailspin = await createAccount(d, { name: 'Tailspin Air', ownerUserId: owner.id, industryKey: 'airlines', hqCountry: 'IE', employeeCount: 4000 });
    await createActiveAdvocate(d, tailspin.id, { firstName: 'Kim', lastName: 'Park', email: 'kim.park@tailspin.example', title: 'CIO', seniorityKey: 'c_level', functionKey: 'it', country: 'IE', lastVerifiedAt: new Date() });
    people.marketing = (await createUser(d, { roles: ['marketing'], team: 'product_marketing', name: 'Mia Marketing' })).email;
    opportunityName = opportunity.name;
    web = await startBrowserApp(db.database);
  });

  afterAll(async () => {
    await web?.close();
    await db?.drop();
  });

  // One story told in order: each test continues where the previous one stopped.
  it('1. the seller submits a request from the opportunity page, picking a match, in at most 8 interactions', async () => {
    seller = await web.signedInPage(people.seller, { acceptDownloads: true });
    await step(seller, 'seller submits a prefilled request picking a match, in at most 8 interactions', async () => {
      const started = Date.now();
      let interactions = 0;
      const act = async (action: () => Promise<void>) => {
        interactions += 1;
        await action();
      };
      await seller.goto(`/opportunities/${opportunityId}`);
      await seller.getByRole('heading', { level: 1, name: opportunityName }).waitFor();
      await seller.getByText('No reference requests yet').waitFor();
      await act(() => seller.getByRole('link', { name: 'Find references' }).first().click());
      await seller.getByRole('heading', { level: 1, name: 'Request a reference' }).waitFor();
      // Prefilled from the opportunity and judged live.
      expect(await seller.getByLabel('Prospect', { exact: true }).inputValue()).toBe('Acme Bank');
      const live = seller.getByTestId('live-check');
      await live.getByText('Ready for this activity').waitFor();
      await live.getByText('Lead time respected').waitFor();
      await seller.getByTestId('fulfilment-estimate').waitFor();
      const matches = seller.getByRole('list', { name: 'Matches' });
      await matches.getByText(/Dana Okafor/).waitFor();
      // Each factor's contribution is explained; no contact detail anywhere.
      await matches.getByRole('list', { name: 'Why this rank' }).first().waitFor();
      expect(await seller.content()).not.toContain(ADVOCATE_EMAIL);
      await act(() => seller.getByRole('checkbox', { name: 'Pick Dana Okafor' }).check());
      await accessibleInBothSchemes(seller);
      await act(() => seller.getByRole('button', { name: 'Submit request' }).click());
      await seller.getByRole('heading', { level: 1, name: /^R-\d+ · Reference call$/ }).waitFor();
      expect(interactions).toBeLessThanOrEqual(8);
      expect(Date.now() - started).toBeLessThan(120_000);
      requestUrl = new URL(seller.url()).pathname;
      const candidate = seller.getByRole('article', { name: 'Candidate Dana Okafor' });
      await candidate.getByText('Waiting for the owner').waitFor();
      expect(await seller.getByRole('button', { name: /contact details/ }).count()).toBe(0);
      expect(await seller.content()).not.toContain(ADVOCATE_EMAIL);
    });

  });

  it('2. before both yeses, the contact details are refused (403)', async () => {
    await step(seller, 'before both yeses every path to the contact answers 403', async () => {
      const requestId = requestUrl.split('/').pop() ?? '';
      const detail = (await (await seller.request.get(`/api/requests/${requestId}`)).json()) as { candidates: { id: string }[] };
      const candidateId = detail.candidates[0]?.id ?? '';
      const contact = await seller.request.get(`/api/requests/${requestId}/candidates/${candidateId}/contact`);
      expect(contact.status()).toBe(403);
      expect(await contact.text()).not.toContain(ADVOCATE_EMAIL);
    });
    await step(seller, 'the request is listed under My requests', async () => {
      await seller.getByRole('navigation', { name: /main/i }).getByRole('link', { name: 'Requests' }).click();
      await seller.getByRole('heading', { level: 1, name: 'My requests' }).waitFor();
      const row = seller.getByRole('table', { name: 'Requests' }).getByRole('row', { name: /Reference call/ });
      await row.getByText('In progress').waitFor();
      await accessible(seller);
    });

  });

  it('3. the relationship owner approves in one click', async () => {
    owner = await web.signedInPage(people.owner);
    await step(owner, 'owner approves in one click, seeing who asks, for which deal, and the account load', async () => {
      await owner.getByRole('navigation', { name: /main/i }).getByRole('link', { name: 'Approvals' }).click();
      await owner.getByRole('heading', { level: 1, name: 'Approvals' }).waitFor();
      const card = owner.getByRole('article', { name: `Dana Okafor for ${opportunityName}` });
      await card.getByText('Sam Seller (Sales)').waitFor();
      await card.getByText(/Acme Bank platform · Acme Bank/).waitFor();
      await card.getByText('Northwind Bank load').waitFor();
      await card.getByText(/0 of 15 uses in 365 days/).first().waitFor();
      await accessibleInBothSchemes(owner);
      await card.getByRole('button', { name: /^Approve/ }).click();
      await owner.getByText('Nothing waits for your approval').waitFor();
    });

  });

  it('4. an admin sees the request in the program queue and the ask link in the outbox', async () => {
    admin = await web.signedInPage(people.admin);
    await step(admin, 'admin finds the ask link in the outbox, and the request in the program queue', async () => {
      await admin.getByRole('navigation', { name: /main/i }).getByRole('link', { name: 'Program queue' }).click();
      await admin.getByRole('heading', { level: 1, name: 'Program queue' }).waitFor();
      await accessibleInBothSchemes(admin);
      await admin.getByRole('link', { name: 'Outbox' }).click();
      await admin.getByRole('button', { name: /Would you help Globex Advocacy with a reference call/ }).first().click();
      await admin.getByRole('tab', { name: 'Plain text' }).click();
      const text = (await admin.getByRole('dialog').textContent()) ?? '';
      askLink = /https?:\/\/\S+\/ask#token=[A-Za-z0-9_-]+/.exec(text)?.[0] ?? '';
      expect(askLink).not.toBe('');
    });

  });

  it('5. the advocate accepts through the link, in a browser nobody signed in to', async () => {
    const advocateContext = await web.browser.newContext({ baseURL: web.baseUrl });
    advocate = await advocateContext.newPage();
    await step(advocate, 'the advocate opens the link, not signed in, reads the context and accepts', async () => {
      await advocate.goto(askLink);
      await advocate.getByRole('heading', { level: 1, name: 'Would you help with a reference call?' }).waitFor();
      await advocate.getByText('Hi Dana,').waitFor();
      await advocate.getByText(/Sam Seller/).first().waitFor();
      await accessibleInBothSchemes(advocate);
      await advocate.getByRole('button', { name: 'Yes, I’ll help' }).click();
      await advocate.getByText('Thank you: you said yes').waitFor();
      // Nobody signed in here: the app's navigation is absent.
      expect(await advocate.getByRole('navigation', { name: /main/i }).count()).toBe(0);
    });

  });

  it('6. the seller sees the contact only now, schedules and downloads the invitation', async () => {
    await step(seller, 'the seller sees the contact only now, schedules and downloads the invitation', async () => {
      await seller.goto(requestUrl);
      const candidate = seller.getByRole('article', { name: 'Candidate Dana Okafor' });
      await candidate.getByText('Accepted').waitFor();
      await candidate.getByRole('button', { name: "Show Dana Okafor's contact details" }).click();
      await candidate.getByText(ADVOCATE_EMAIL).waitFor();
      await candidate.getByText(ADVOCATE_PHONE).waitFor();
      const reveals = await db.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'protected_field.revealed'));
      expect(reveals.length).toBeGreaterThan(0);
      await candidate.getByRole('button', { name: 'Schedule…' }).click();
      const dialog = seller.getByRole('dialog');
      await dialog.getByLabel('Date and time').fill(yesterdayAtTen());
      await dialog.getByRole('button', { name: 'Save the date' }).click();
      await candidate.getByText('Scheduled').first().waitFor();
      const download = seller.waitForEvent('download');
      await candidate.getByRole('link', { name: 'Download invitation (.ics)' }).click();
      const file = await (await download).path();
      expect(readFileSync(file, 'utf8')).toContain('BEGIN:VCALENDAR');
      await accessibleInBothSchemes(seller);
    });

  });

  it('7. both sides debrief: the seller on the request page, the advocate through the same link', async () => {
    await step(seller, 'the seller debriefs', async () => {
      const candidate = seller.getByRole('article', { name: 'Candidate Dana Okafor' });
      await candidate.getByRole('button', { name: 'Debrief…' }).click();
      const dialog = seller.getByRole('dialog');
      await dialog.getByRole('radio', { name: 'Yes' }).check();
      await dialog.getByRole('radio', { name: '5 · Fully' }).check();
      await dialog.getByLabel("What it tells you about the buyer's intent").fill('They asked about rollout dates: close to a decision.');
      await dialog.getByRole('button', { name: 'Save debrief' }).click();
      await candidate.getByText(/Your debrief: met needs 5\/5/).waitFor();
    });

    await step(advocate, 'the advocate debriefs through the same link', async () => {
      await advocate.reload();
      await advocate.getByRole('heading', { name: 'How did it go?' }).waitFor();
      await advocate.getByRole('radio', { name: 'Yes' }).first().check();
      await advocate.getByLabel('How it went').fill('Good questions about the migration.');
      await advocate.getByRole('button', { name: 'Send feedback' }).click();
      await advocate.getByText('Thank you for your feedback').waitFor();
    });

  });

  it('8. the deal is won and the advocate’s impact appears', async () => {
    await step(seller, 'the seller marks the deal won and the advocate’s impact appears', async () => {
      await seller.goto(`/opportunities/${opportunityId}`);
      await seller.getByRole('heading', { level: 1, name: opportunityName }).waitFor();
      const requests = seller.getByRole('table', { name: 'Reference requests for this opportunity' });
      await requests.getByRole('link', { name: /^R-\d+ · Reference call$/ }).waitFor();
      await accessibleInBothSchemes(seller);
      await seller.getByRole('button', { name: 'Mark as won…' }).click();
      const dialog = seller.getByRole('dialog');
      await dialog.getByRole('button', { name: 'Mark as won' }).click();
      await seller.getByText(/One advocate helped win it/).waitFor();
      const uses = seller.getByRole('table', { name: 'Reference activities on this opportunity' });
      const row = uses.getByRole('row', { name: /Dana Okafor/ });
      await row.getByText('Helped win').waitFor();
      const impact = await db.database.db.select().from(impactRecords).where(eq(impactRecords.opportunityId, opportunityId));
      expect(impact).toHaveLength(1);
      const notices = await db.database.db.select().from(outboxMessages).where(eq(outboxMessages.recipient, ADVOCATE_EMAIL));
      expect(notices.length).toBeGreaterThanOrEqual(2);
    });

  });

  it('9. a deal that is not ready: the seller sees what is missing, and the request waits as blocked', async () => {
    await step(seller, 'the seller submits a request for an early deal', async () => {
      await seller.goto(`/requests/new?opportunityId=${earlyOpportunityId}`);
      const live = seller.getByTestId('live-check');
      await live.getByText('Not ready yet: the request will wait as blocked').waitFor();
      await live.getByText(/Discovery/).first().waitFor();
      await live.getByText('Meanwhile').waitFor();
      await seller.getByRole('button', { name: 'Submit (it will wait as blocked)' }).click();
      await seller.getByRole('heading', { level: 1, name: /^R-\d+ · Reference call$/ }).waitFor();
      await seller.getByText('Blocked: not ready').first().waitFor();
      await seller.getByText('Waiting until the deal is ready').waitFor();
      blockedUrl = new URL(seller.url()).pathname;
    });
  });

  it('10. an admin lets it through from the program queue with a reason, then proposes a candidate', async () => {
    await step(admin, 'the admin overrides readiness from the queue', async () => {
      await admin.goto('/program-queue');
      const queue = admin.getByRole('table', { name: 'Program queue' });
      await queue.getByText('Blocked', { exact: true }).waitFor();
      await accessibleInBothSchemes(admin);
      await queue.getByRole('button', { name: /^Override readiness of R-\d+$/ }).click();
      const dialog = admin.getByRole('dialog');
      await dialog.getByLabel('Why it should go ahead').fill('The CIO asked for a peer call before the steering committee.');
      await dialog.getByRole('button', { name: 'Override and match' }).click();
      await queue.getByText('Needs candidates', { exact: true }).waitFor();
    });
    await step(admin, 'the admin proposes a candidate from the ranked matches', async () => {
      await admin.getByRole('table', { name: 'Program queue' }).getByRole('link', { name: /^Propose candidates for R-\d+$/ }).click();
      const dialog = admin.getByRole('dialog', { name: 'Propose candidates' });
      await dialog.getByRole('checkbox', { name: 'Pick Lee Marsh' }).check();
      await dialog.getByRole('button', { name: 'Propose 1 candidate' }).click();
      await admin.getByRole('article', { name: 'Candidate Lee Marsh' }).getByText('Waiting for the owner').waitFor();
      await admin.getByText('Readiness overridden').first().waitFor();
    });
  });

  it('11. the owner declines with a reason; the seller reads it and the request looks for someone else', async () => {
    await step(owner, 'the owner declines', async () => {
      await owner.goto('/approvals');
      await owner.getByRole('button', { name: /^Decline Lee Marsh/ }).click();
      const dialog = owner.getByRole('dialog');
      await dialog.getByLabel('Reason').fill('A renewal negotiation is under way with Contoso.');
      await dialog.getByRole('button', { name: 'Decline', exact: true }).click();
      await owner.getByText('Nothing waits for your approval').waitFor();
    });
    await step(seller, 'the seller reads the reason', async () => {
      await seller.goto(blockedUrl);
      const candidate = seller.getByRole('article', { name: 'Candidate Lee Marsh' });
      await candidate.getByText(/The owner declined: “A renewal negotiation is under way with Contoso.”/).waitFor();
      await seller.getByText('Finding references').first().waitFor();
    });
  });

  it('12. plan B: another candidate proposes other dates through the link, and the seller takes one', async () => {
    await step(admin, 'the admin proposes another candidate on the request page', async () => {
      await admin.goto(blockedUrl);
      await admin.getByRole('button', { name: 'Propose candidates…' }).click();
      const dialog = admin.getByRole('dialog', { name: 'Propose candidates' });
      await dialog.getByRole('checkbox', { name: 'Pick Kim Park' }).check();
      await dialog.getByRole('button', { name: 'Propose 1 candidate' }).click();
      await admin.getByRole('article', { name: 'Candidate Kim Park' }).getByText('Waiting for the owner').waitFor();
    });
    await step(owner, 'the owner approves Kim', async () => {
      await owner.goto('/approvals');
      await owner.getByRole('button', { name: /^Approve Kim Park/ }).click();
      await owner.getByText('Nothing waits for your approval').waitFor();
    });
    const [ask] = await db.database.db.select().from(outboxMessages).where(eq(outboxMessages.recipient, 'kim.park@tailspin.example'));
    const link = /https?:\/\/\S+\/ask#token=[A-Za-z0-9_-]+/.exec(ask?.bodyText ?? '')?.[0] ?? '';
    expect(link).not.toBe('');
    await step(advocate, 'Kim offers two other times', async () => {
      await advocate.goto(link);
      await advocate.getByText('Hi Kim,').waitFor();
      await advocate.getByRole('button', { name: 'Propose other dates' }).click();
      await advocate.getByRole('textbox', { name: 'Option 1' }).fill(dayAt(30, '15:00'));
      await advocate.getByRole('button', { name: 'Add another time' }).click();
      await advocate.getByRole('textbox', { name: 'Option 2' }).fill(dayAt(31, '09:30'));
      await advocate.getByLabel('Note (optional)').fill('Afternoons are easiest.');
      await accessibleInBothSchemes(advocate);
      await advocate.getByRole('button', { name: 'Send these dates' }).click();
      await advocate.getByText('Thank you: you offered other dates').waitFor();
    });
    await step(seller, 'the seller accepts one of the proposed dates', async () => {
      await seller.goto(blockedUrl);
      const candidate = seller.getByRole('article', { name: 'Candidate Kim Park' });
      await candidate.getByText('Other dates proposed').waitFor();
      await seller.getByTestId('next-step').getByText('Kim Park proposed other dates: accept one.').waitFor();
      await candidate.getByRole('button', { name: 'Accept a proposed date…' }).click();
      const dialog = seller.getByRole('dialog');
      await dialog.getByRole('radio').nth(1).check();
      await dialog.getByRole('button', { name: 'Accept this date' }).click();
      await candidate.getByText('Scheduled').first().waitFor();
      await candidate.getByText(/9:30/).first().waitFor();
    });
  });

  it('13. marketing asks without an opportunity, for a purpose; a date inside the lead time asks why', async () => {
    const marketing = await web.signedInPage(people.marketing);
    await step(marketing, 'marketing fills the purpose form, sees the rush and takes the earliest date', async () => {
      await marketing.getByRole('navigation', { name: /main/i }).getByRole('link', { name: 'Requests' }).click();
      await marketing.getByText('No requests yet').waitFor();
      await marketing.getByRole('link', { name: 'New request' }).first().click();
      await marketing.getByRole('heading', { level: 1, name: 'Request a reference' }).waitFor();
      await marketing.getByRole('combobox', { name: 'Purpose' }).click();
      await marketing.getByRole('option', { name: 'Case study', exact: true }).click();
      expect(await marketing.getByRole('combobox', { name: 'Activity' }).inputValue()).toBe('Case study');
      const live = marketing.getByTestId('live-check');
      await live.getByText(/Rush: inside the 30-business-day lead time/).waitFor();
      await marketing.getByLabel('Why so soon?').waitFor();
      await accessibleInBothSchemes(marketing);
      await live.getByRole('button', { name: /^Use .* instead$/ }).click();
      await live.getByText('Lead time respected').waitFor();
      expect(await marketing.getByLabel('Why so soon?').count()).toBe(0);
      await marketing.getByRole('button', { name: 'Submit request' }).click();
      await marketing.getByRole('heading', { level: 1, name: /^R-\d+ · Case study$/ }).waitFor();
      await marketing.getByText('Case study', { exact: true }).first().waitFor();
    });
  });
});

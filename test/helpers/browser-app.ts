import pino from 'pino';
import type { Browser, Page } from 'playwright-core';
import type { Database } from '../../src/db/client.js';
import { buildApp } from '../../src/http/app.js';
import { launchChromium } from './browser.js';
import { testConfig } from './config.js';
import { TEST_PASSWORD } from './factories.js';
import { freePort } from './server-process.js';

export interface BrowserApp {
  baseUrl: string;
  browser: Browser;
  /** A fresh browser context signed in as the user (password TEST_PASSWORD), on the home page. */
  signedInPage(email: string, options?: { acceptDownloads?: boolean }): Promise<Page>;
  close(): Promise<void>;
}

/** The app on a free local port with the built SPA, and a Chromium to drive it. */
export async function startBrowserApp(database: Database): Promise<BrowserApp> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const app = await buildApp({ database, config: testConfig({ PUBLIC_URL: baseUrl }), logger: pino({ level: 'silent' }) });
  await app.listen({ port, host: '127.0.0.1' });
  const browser = await launchChromium();
  return {
    baseUrl,
    browser,
    async signedInPage(email, options = {}) {
      const page = await (await browser.newContext({ baseURL: baseUrl, acceptDownloads: options.acceptDownloads ?? false })).newPage();
      await page.goto('/sign-in');
      await page.getByLabel('E-mail', { exact: true }).fill(email);
      await page.getByLabel('Password', { exact: true }).fill(TEST_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('button', { name: 'User menu' }).waitFor();
      return page;
    },
    async close() {
      await browser.close();
      await app.close();
    },
  };
}

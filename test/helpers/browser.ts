import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const INSTALL_HINT = 'sudo apt-get install -y chromium';

/**
 * Whether browser tests can run. Without Chromium they are skipped locally with the command
 * that installs it; under CI=true a missing browser is a failure.
 */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  if (process.env.CI === 'true') throw new Error(`Chromium is missing at ${CHROMIUM_PATH} and CI=true. Install it: ${INSTALL_HINT}`);
  console.warn(`\n  Browser tests skipped: no Chromium at ${CHROMIUM_PATH}.\n  Install it with: ${INSTALL_HINT}\n`);
  return false;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

const SHOTS = join(process.cwd(), 'test-results', 'e2e');

/** Runs a browser step; on failure keeps a full-page screenshot in test-results/e2e. */
export async function step<T>(page: Page, name: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    mkdirSync(SHOTS, { recursive: true });
    const file = join(SHOTS, `${Date.now()}-${name.replace(/[^a-z0-9]+/gi, '-')}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
    throw new Error(`${name} failed (screenshot: ${file}): ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

const AXE_TIMEOUT_MS = 60_000;

/**
 * Serious and critical accessibility violations on the current page. Sandboxed frames (the
 * Outbox's e-mail preview) run no scripts, so axe cannot look inside them, and they show a
 * message, not our interface: they are left out. A run that stalls fails with a message
 * instead of holding the test until its own timeout.
 */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  let timer: NodeJS.Timeout | undefined;
  const stalled = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`axe did not finish within ${AXE_TIMEOUT_MS / 1000} s`)), AXE_TIMEOUT_MS);
  });
  const results = await Promise.race([new AxeBuilder({ page }).exclude('iframe[sandbox]').analyze(), stalled]).finally(() => clearTimeout(timer));
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}

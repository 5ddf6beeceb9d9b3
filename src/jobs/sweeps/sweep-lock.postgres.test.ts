import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { runLockedSweep } from './sweep-lock.js';
import { MONDAY, setClock } from './sweep-test-support.js';

// Runs in the PostgreSQL pass only (vitest.config.ts): PGlite is one connection, so a second
// instance holding the lock cannot exist there.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  setClock(t, MONDAY);
});
afterAll(() => t.close());

describe('the sweep lock', () => {
  it('a second instance skips a sweep another one holds (advisory lock)', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const first = runLockedSweep(t.deps, 'approvals', async () => {
      entered();
      await held;
    });
    await inside;
    const second = await runLockedSweep(t.deps, 'approvals', () => Promise.resolve());
    expect(second.ran).toBe(false);
    // Another sweep is not blocked by it.
    expect((await runLockedSweep(t.deps, 'deadlines', () => Promise.resolve())).ran).toBe(true);
    release();
    expect((await first).ran).toBe(true);
    expect((await runLockedSweep(t.deps, 'approvals', () => Promise.resolve())).ran).toBe(true);
  });

});

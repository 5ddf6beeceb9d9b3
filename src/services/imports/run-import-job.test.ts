import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { accounts, importJobs, importRowResults } from '../../db/schema/index.js';
import { createImportRunner } from '../../jobs/import-runner.js';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { actorOf, createUser } from '../../../test/helpers/factories.js';
import type { Actor } from '../context.js';
import { planAccountBatch, writeAccounts } from './account-batch.js';
import { commitImportBatch } from './commit-batch.js';
import { FileIdentities } from './import-batch.js';
import { claimImportJob, loadRowMatchers, runImportJob } from './run-import-job.js';
import { startImportRun } from './start-import-run.js';
import { uploadImport } from './upload-import.js';

let t: TestApp;
let actor: Actor;
beforeAll(async () => {
  t = await createTestApp();
  actor = actorOf(await createUser(t.db.database.db, { roles: ['admin'] }));
});
afterAll(() => t.close());

async function queuedJob(csv: string, kind: 'accounts' | 'advocates' = 'accounts') {
  const { job } = await uploadImport(t.deps, actor, { kind, fileName: 'runs.csv', csv });
  await startImportRun(t.deps, actor, job.id, false);
  return job.id;
}

const jobRow = async (id: string) => (await t.db.database.db.select().from(importJobs).where(eq(importJobs.id, id)))[0]!;

describe('running, stopping and resuming a job', () => {
  it('a stopped run is resumed by the sweeper after the committed rows, still catching duplicates of earlier rows', async () => {
    const rows = ['R-1,Resume One', 'R-2,Resume Two', 'R-3,Resume Three', 'R-4,Resume Four', 'R-5,Resume Five', 'R-1,Resume One again', 'R-7,Resume Seven'];
    const id = await queuedJob(`Account ID,Account Name\n${rows.join('\n')}\n`);
    const claimed = await claimImportJob(t.db.database.db, id, t.clock.now(), 60_000);
    expect(claimed).not.toBeNull();
    expect(await runImportJob(t.deps, claimed!, { batchSize: 2, shouldStop: () => true })).toBe('stopped');
    expect(await jobRow(id)).toMatchObject({ status: 'running', processedRows: 2, createdCount: 2 });

    const runner = createImportRunner(t.deps, { batchSize: 2 });
    expect(await runner.sweep()).toBeGreaterThanOrEqual(1);
    await runner.idle();
    const done = await jobRow(id);
    expect(done).toMatchObject({ status: 'completed', processedRows: 7, createdCount: 6, rejectedCount: 1, leaseUntil: null });
    const results = await t.db.database.db.select().from(importRowResults).where(eq(importRowResults.jobId, id));
    expect(results.map((r) => r.rowNumber).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(results.find((r) => r.rowNumber === 6)).toMatchObject({ outcome: 'rejected', errors: [{ field: 'row', reason: expect.stringMatching(/duplicates row 1/) }] });
  });

  it('a worker whose lease was taken over stops without writing', async () => {
    const id = await queuedJob('Account ID,Account Name\nL-1,Lease One\nL-2,Lease Two\n');
    const first = await claimImportJob(t.db.database.db, id, t.clock.now(), 60_000);
    expect(await claimImportJob(t.db.database.db, id, t.clock.now(), 60_000)).toBeNull();
    t.clock.advance(61_000);
    const second = await claimImportJob(t.db.database.db, id, t.clock.now(), 60_000);
    expect(second).not.toBeNull();
    expect(await runImportJob(t.deps, first!, { batchSize: 1 })).toBe('stopped');
    expect(await t.db.database.db.select().from(accounts).where(inArray(accounts.crmId, ['L-1', 'L-2']))).toHaveLength(0);
    expect(await runImportJob(t.deps, second!)).toBe('completed');
    expect(await jobRow(id)).toMatchObject({ status: 'completed', createdCount: 2 });
  });
});

describe('a batch the database refuses', () => {
  it('is redone row by row so only the refused row is rejected', async () => {
    const id = await queuedJob('Account ID,Account Name\nF-1,Fallback One\nF-2,Fallback Two\nF-3,Fallback Three\n');
    const claimed = await claimImportJob(t.db.database.db, id, t.clock.now(), 60_000);
    const matchers = await loadRowMatchers(t.db.database.db);
    const batch = [1, 2, 3].map((n) => ({ rowNumber: n, cells: { crmId: `F-${n}`, name: `Fallback ${['One', 'Two', 'Three'][n - 1]}` } }));
    const plan = await planAccountBatch(t.db.database.db, batch, { matchers, identities: new FileIdentities(), replay: false });
    expect(plan.creates).toHaveLength(3);
    // Someone else takes F-2's CRM id between the check and the write.
    await t.db.database.db.insert(accounts).values({ name: 'Concurrent Writer', crmId: 'F-2' });
    await commitImportBatch(t.deps, { jobId: id, dryRun: false, lease: claimed!.lease, leaseMs: 60_000 }, plan, writeAccounts);
    const results = await t.db.database.db.select().from(importRowResults).where(eq(importRowResults.jobId, id));
    expect(results.sort((a, b) => a.rowNumber - b.rowNumber).map((r) => r.outcome)).toEqual(['created', 'rejected', 'created']);
    expect(results.find((r) => r.rowNumber === 2)!.errors[0]!.reason).toMatch(/database refused the row/);
    expect(await t.db.database.db.select().from(accounts).where(inArray(accounts.crmId, ['F-1', 'F-3']))).toHaveLength(2);
    expect(await jobRow(id)).toMatchObject({ processedRows: 3, createdCount: 2, rejectedCount: 1 });
  });
});

describe('report rows and their job (no foreign key; migration 0018)', () => {
  it('a deleted job takes its report rows with it and leaves other jobs their own', async () => {
    const gone = await queuedJob('Account ID,Account Name\nD-1,Deleted One\nD-2,Deleted Two\n');
    const kept = await queuedJob('Account ID,Account Name\nK-1,Kept One\n');
    for (const id of [gone, kept]) expect(await runImportJob(t.deps, (await claimImportJob(t.db.database.db, id, t.clock.now(), 60_000))!)).toBe('completed');
    await t.db.database.db.delete(importJobs).where(eq(importJobs.id, gone));
    expect(await t.db.database.db.select().from(importRowResults).where(eq(importRowResults.jobId, gone))).toHaveLength(0);
    expect(await t.db.database.db.select().from(importRowResults).where(eq(importRowResults.jobId, kept))).toHaveLength(1);
  });

  it('a batch committed for a job that no longer exists writes neither records nor report rows', async () => {
    const id = await queuedJob('Account ID,Account Name\nV-1,Vanished One\n');
    const claimed = await claimImportJob(t.db.database.db, id, t.clock.now(), 60_000);
    const matchers = await loadRowMatchers(t.db.database.db);
    const plan = await planAccountBatch(t.db.database.db, [{ rowNumber: 1, cells: { crmId: 'V-1', name: 'Vanished One' } }], { matchers, identities: new FileIdentities(), replay: false });
    await t.db.database.db.delete(importJobs).where(eq(importJobs.id, id));
    await expect(commitImportBatch(t.deps, { jobId: id, dryRun: false, lease: claimed!.lease, leaseMs: 60_000 }, plan, writeAccounts)).rejects.toThrow(/taken over/);
    expect(await t.db.database.db.select().from(importRowResults).where(eq(importRowResults.jobId, id))).toHaveLength(0);
    expect(await t.db.database.db.select().from(accounts).where(eq(accounts.crmId, 'V-1'))).toHaveLength(0);
  });
});

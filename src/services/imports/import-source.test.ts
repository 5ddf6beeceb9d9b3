import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq, inArray } from 'drizzle-orm';
import fc from 'fast-check';
import { accounts, importJobParts } from '../../db/schema/index.js';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { actorOf, createUser } from '../../../test/helpers/factories.js';
import type { Actor } from '../context.js';
import { IMPORT_PART_CHARS } from './import-limits.js';
import { readImportSource, readImportSourceStart, splitImportSource } from './import-source.js';
import { claimImportJob, runImportJob } from './run-import-job.js';
import { startImportRun } from './start-import-run.js';
import { uploadImport } from './upload-import.js';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('splitImportSource', () => {
  it('cuts at the part size and never between the halves of a surrogate pair', () => {
    expect(splitImportSource('abcdefg', 3)).toEqual(['abc', 'def', 'g']);
    // "😀" is two UTF-16 units: a cut after its first half moves one unit back.
    expect(splitImportSource('ab😀cd', 3)).toEqual(['ab', '😀c', 'd']);
    expect(splitImportSource('', 3)).toEqual([]);
  });

  it('gives back the text when joined, with every part well-formed (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), fc.integer({ min: 2, max: 9 }), (text, size) => {
        const parts = splitImportSource(text, size);
        expect(parts.join('')).toBe(text);
        for (const part of parts) {
          expect(part.length).toBeLessThanOrEqual(size);
          expect(part).not.toMatch(LONE_SURROGATE);
        }
      }),
    );
  });
});

let t: TestApp;
let actor: Actor;
beforeAll(async () => {
  t = await createTestApp();
  actor = actorOf(await createUser(t.db.database.db, { roles: ['admin'] }));
});
afterAll(() => t.close());

/** An accounts file of more than two stored parts, with non-Latin names and an emoji on every row. */
function bigAccountsCsv(): { csv: string; names: string[] } {
  const names: string[] = [];
  const lines = ['Account ID,Account Name,Description'];
  for (let i = 0; lines.join('\n').length < IMPORT_PART_CHARS * 2.3; i++) {
    const name = `Łódź Żurawie 株式会社 ${i} 😀`;
    names.push(name);
    lines.push(`PART-${i},"${name}","Line one, with a comma\nline two of a quoted cell ${'x'.repeat(200)}"`);
  }
  return { csv: `${lines.join('\n')}\n`, names };
}

describe('an uploaded file kept in parts', () => {
  it('stores a large file as consecutive parts that read back as the same text, and runs it row for row', async () => {
    const { csv, names } = bigAccountsCsv();
    const { job } = await uploadImport(t.deps, actor, { kind: 'accounts', fileName: 'big.csv', csv });
    const db = t.db.database.db;
    const parts = await db.select().from(importJobParts).where(eq(importJobParts.jobId, job.id)).orderBy(asc(importJobParts.part));
    expect(parts.map((p) => p.part)).toEqual([0, 1, 2]);
    expect(parts.every((p) => p.body.length <= IMPORT_PART_CHARS)).toBe(true);

    let read = '';
    for await (const part of readImportSource(db, job.id)) read += part;
    expect(read).toBe(csv);
    const start = await readImportSourceStart(db, job.id);
    expect(start).toEqual({ text: parts[0]!.body, truncated: true });

    await startImportRun(t.deps, actor, job.id, false);
    const claimed = await claimImportJob(db, job.id, t.clock.now(), 60_000);
    expect(await runImportJob(t.deps, claimed!, { batchSize: 50 })).toBe('completed');
    const stored = await db.select({ name: accounts.name }).from(accounts).where(inArray(accounts.name, names));
    expect(stored.map((a) => a.name).sort()).toEqual([...names].sort());
  });

  it('a small file is one part, and its preview knows nothing follows', async () => {
    const csv = 'Account ID,Account Name\nSMALL-1,Small One\n';
    const { job } = await uploadImport(t.deps, actor, { kind: 'accounts', fileName: 'small.csv', csv });
    expect(await readImportSourceStart(t.db.database.db, job.id)).toEqual({ text: csv, truncated: false });
  });
});

import type { Db, Executor } from '../../../db/client.js';
import { readDictionaryRows, type DictionaryRow } from '../match-dictionary.js';
import { MatchColumns } from './match-columns.js';
import { readAllMatchRows, readMatchChanges, readSnapshot, type Snapshot } from './load-match-rows.js';

/**
 * A copy is reloaded whole when it was last brought up to date longer ago than this: the sweep
 * prunes change entries only behind a horizon at least MATCH_CHANGES_KEEP_MINUTES old, so a copy
 * younger than this has read every entry it still needs (src/jobs/sweeps/match-changes-sweep.ts).
 */
export const RELOAD_AFTER_MS = 20 * 60_000;
export const MATCH_CHANGES_KEEP_MINUTES = 30;

/** The copy, with what the same statement read beside it. */
export interface MatchCopy {
  columns: MatchColumns;
  /** The taxonomy's cache version; null in a transaction that has written (nothing it reads is cached). */
  taxonomyVersion: string | null;
  /** The stored program policies, as of the same snapshot (null when never changed). */
  policies: Record<string, unknown> | null;
}

/**
 * This instance's in-memory copy of advocate_match, kept current from advocate_match_changes.
 *
 * Before each use the copy reads the entries logged at or after the oldest transaction that was
 * still running at its previous read (pg_snapshot_xmin): a transaction that committed since then
 * had an id at least that large, so nothing committed is ever skipped. A transaction that has
 * itself written rows cannot copy them (they may yet roll back): it skips its own advocates and
 * leaves the read point where it was, so the next reader copies them once committed.
 *
 * The copy only chooses whom to look at: the candidates' details are read with every hard rule
 * again in SQL, so a row a concurrent writer just changed is never proposed on stale facts.
 */
export class MatchIndex {
  private columns: MatchColumns | null = null;
  private dictionary: { version: string; rows: Promise<DictionaryRow[]> } | null = null;
  private since: string | null = null;
  private refreshedAt = 0;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly clock: () => number = () => performance.now()) {}

  /** The copy, current as of now; null when this transaction cannot build one (it has written). */
  current(db: Executor): Promise<MatchCopy | null> {
    const run = this.queue.then(() => this.refresh(db));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Forgets the copy (the next use reloads it whole). */
  reset(): void {
    this.columns = null;
    this.since = null;
  }

  /** matching's taxonomy rows (every language), read once per taxonomy version. */
  dictionaryRows(db: Executor, version: string): Promise<DictionaryRow[]> {
    if (this.dictionary?.version !== version) {
      const rows = readDictionaryRows(db, null);
      this.dictionary = { version, rows };
      // A failed read is not kept.
      rows.catch(() => {
        if (this.dictionary?.rows === rows) this.dictionary = null;
      });
    }
    return this.dictionary.rows;
  }

  private async refresh(db: Executor): Promise<MatchCopy | null> {
    const columns = this.columns;
    const wasted = columns !== null && columns.size > 2 * columns.liveCount + 4096;
    if (!columns || this.since === null || wasted || this.clock() - this.refreshedAt > RELOAD_AFTER_MS) return this.reload(db);
    const started = this.clock();
    const changes = await readMatchChanges(db, this.since);
    for (const { id, row } of changes.changed) {
      if (row) columns.put(row);
      else columns.remove(id);
    }
    if (changes.ownChanges === 0) {
      this.since = changes.xmin;
      this.refreshedAt = started;
    }
    return copyOf(columns, changes);
  }

  private async reload(db: Executor): Promise<MatchCopy | null> {
    const started = this.clock();
    const snapshot = await readSnapshot(db);
    // A transaction that has written would copy its own uncommitted rows.
    if (snapshot.own !== null) return null;
    const columns = new MatchColumns(this.columns?.liveCount ?? 1024);
    for await (const page of readAllMatchRows(db)) for (const row of page) columns.put(row);
    this.columns = columns;
    this.since = snapshot.xmin;
    this.refreshedAt = started;
    return copyOf(columns, snapshot);
  }
}

function copyOf(columns: MatchColumns, snapshot: Snapshot): MatchCopy {
  return { columns, taxonomyVersion: snapshot.own === null ? snapshot.taxonomy : null, policies: snapshot.policies };
}

const indexes = new WeakMap<Db, MatchIndex>();

/** The copy of advocate_match for this database handle (one per process and database). */
export function matchIndexFor(db: Db): MatchIndex {
  let index = indexes.get(db);
  if (!index) {
    index = new MatchIndex();
    indexes.set(db, index);
  }
  return index;
}

import type { Executor } from '../../db/client.js';
import { resolveProgramPolicy, type ProgramPolicy } from '../../domain/requests/program-policy.js';
import { getProgramPolicy } from '../program-policies/get-program-policy.js';
import { buildMatchDictionary, loadMatchDictionary, type MatchDictionary } from './match-dictionary.js';
import type { MatchCopy, MatchIndex } from './match-index/match-index.js';

/**
 * The program policy and the taxonomy dictionary a match reads. With a copy, the policy came in
 * the copy's own statement and the taxonomy rows are cached per taxonomy version (two round
 * trips fewer); otherwise both are read from the database.
 */
export async function loadMatchSettings(
  db: Executor,
  ask: { activityTypeKey: string; languageKeys: readonly string[] },
  copy: MatchCopy | null,
  index: MatchIndex | null,
): Promise<{ policy: ProgramPolicy; dict: MatchDictionary }> {
  if (copy && index && copy.taxonomyVersion !== null) {
    const rows = await index.dictionaryRows(db, copy.taxonomyVersion);
    return { policy: resolveProgramPolicy(copy.policies), dict: buildMatchDictionary(rows, ask.activityTypeKey, ask.languageKeys) };
  }
  return { policy: await getProgramPolicy(db), dict: await loadMatchDictionary(db, ask.activityTypeKey, ask.languageKeys) };
}

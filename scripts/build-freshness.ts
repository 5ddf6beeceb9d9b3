import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

function newestMtime(path: string): number {
  const full = join(ROOT, path);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(full).reduce((newest, name) => (name === 'node_modules' ? newest : Math.max(newest, newestMtime(join(path, name)))), stat.mtimeMs);
}

/** Whether a built file exists and is newer than every source (paths from the repository root, folders walked). */
export function isBuildFresh(output: string, sources: readonly string[]): boolean {
  const built = existsSync(output) ? statSync(output).mtimeMs : 0;
  return built > 0 && built >= Math.max(...sources.map(newestMtime));
}

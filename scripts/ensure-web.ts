import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const INDEX = join(ROOT, 'dist/web/index.html');
const SOURCES = ['web', 'src/domain', 'vite.config.ts', 'postcss.config.cjs', 'package-lock.json'];

function newestMtime(path: string): number {
  const full = join(ROOT, path);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(full).reduce((newest, name) => (name === 'node_modules' ? newest : Math.max(newest, newestMtime(join(path, name)))), stat.mtimeMs);
}

/** Builds the web app unless dist/web is newer than every source it is built from. */
export async function ensureWebBuild(log: (line: string) => void = console.log): Promise<void> {
  const built = existsSync(INDEX) ? statSync(INDEX).mtimeMs : 0;
  if (built > 0 && built >= Math.max(...SOURCES.map(newestMtime))) return;
  log('Building the web app (once; later starts reuse it)…');
  const { build } = await import('vite');
  await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await ensureWebBuild();
}

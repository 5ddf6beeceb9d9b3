import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isBuildFresh, ROOT } from './build-freshness.js';

const INDEX = join(ROOT, 'dist/web/index.html');
const SOURCES = ['web', 'src/domain', 'vite.config.ts', 'postcss.config.cjs', 'package-lock.json'];

/** Builds the web app unless dist/web is newer than every source it is built from. */
export async function ensureWebBuild(log: (line: string) => void = console.log): Promise<void> {
  if (isBuildFresh(INDEX, SOURCES)) return;
  log('Building the web app (once; later starts reuse it)…');
  const { build } = await import('vite');
  await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await ensureWebBuild();
}

import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isBuildFresh, ROOT } from './build-freshness.js';

/**
 * The server as `npm start` runs it. It sits two folders below the repository root, as its
 * sources do (src/http, src/db), so their paths relative to `import.meta.url` (dist/web,
 * migrations) resolve the same from the bundle.
 */
export const SERVER_BUNDLE = join(ROOT, 'dist/server/vouch.mjs');
const SOURCES = ['src', 'package-lock.json'];

/**
 * Bundles the server (our code only; packages stay in node_modules) unless the bundle is newer
 * than every source. Plain node on one file instead of tsx compiling hundreds of modules at
 * start: about 60 MB less memory for the server's whole life, and a faster start.
 */
export async function ensureServerBuild(log: (line: string) => void = console.log): Promise<void> {
  if (isBuildFresh(SERVER_BUNDLE, SOURCES)) return;
  log('Building the server (once; later starts reuse it)…');
  const { build } = await import('esbuild');
  await build({
    entryPoints: [join(ROOT, 'src/cli/index.ts')],
    outfile: SERVER_BUNDLE,
    bundle: true,
    platform: 'node',
    target: 'node20.19',
    format: 'esm',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await ensureServerBuild();
}

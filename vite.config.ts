import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * Vite builds the single-page app in web/ into dist/web, which the Fastify
 * server serves. In development, API calls are proxied to the server so the
 * session cookie stays same-origin (the Host header is kept as is, so the
 * server's origin checks see the dev server's origin).
 */
const backend = process.env['VOUCH_API_ORIGIN'] ?? 'http://localhost:3000';

const fromRoot = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/** Vendor libraries in a few long-lived chunks; pages are loaded on demand. */
const vendorGroups: ReadonlyArray<{ name: string; test: RegExp; priority: number }> = [
  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 40 },
  { name: 'router', test: /node_modules[\\/](react-router|cookie|set-cookie-parser)[\\/]/, priority: 30 },
  {
    name: 'mantine',
    test: /node_modules[\\/](@mantine|@floating-ui|clsx|react-number-format|react-remove-scroll|react-remove-scroll-bar|react-style-singleton|use-callback-ref|use-sidecar|get-nonce|detect-node-es|tslib|type-fest)[\\/]/,
    priority: 20,
  },
  { name: 'query', test: /node_modules[\\/]@tanstack[\\/]/, priority: 20 },
  { name: 'icons', test: /node_modules[\\/]@tabler[\\/]/, priority: 10 },
];

export default defineConfig({
  // Paths are relative to the repository root, where npm scripts run.
  root: 'web',
  plugins: [react()],
  resolve: {
    alias: {
      '@domain': fromRoot('./src/domain'),
      '@': fromRoot('./web/src'),
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: backend },
      '/healthz': { target: backend },
      '/readyz': { target: backend },
    },
  },
  preview: {
    port: 4173,
  },
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 400,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: vendorGroups.map((group) => ({ ...group })),
        },
      },
    },
  },
});

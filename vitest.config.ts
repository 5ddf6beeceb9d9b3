import { defineConfig } from 'vitest/config';

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

export default defineConfig({
  test: {
    globalSetup: ['./test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['src/domain/**/*.test.ts', 'src/integrations/**/*.test.ts', 'src/config/**/*.test.ts', 'src/seed/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'api',
          include: ['src/http/**/*.test.ts', 'src/services/**/*.test.ts', 'src/db/**/*.test.ts', 'src/jobs/**/*.test.ts'],
          // Concurrency across several connections needs a server: those files run in the PostgreSQL pass.
          exclude: onPostgres ? [] : ['**/*.postgres.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'system',
          include: ['test/system/**/*.test.ts'],
          globalSetup: ['./test/system/build-server.ts'],
          // Several instances on one database only exist on PostgreSQL; PGlite is single-process.
          exclude: onPostgres ? [] : ['test/system/**/*.postgres.test.ts'],
          testTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['./test/e2e/build-web.ts'],
          testTimeout: 90_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

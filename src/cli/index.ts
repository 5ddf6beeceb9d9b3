#!/usr/bin/env -S npx tsx
import { Command } from 'commander';
import { ConfigError, loadConfig } from '../config/config.js';
import { openDatabase } from '../db/client.js';
import { runMigrations } from '../db/migrate.js';
import { createLogger } from '../logger.js';
import { databaseTarget, startBanner, startServer } from '../server.js';
import { generatePassword } from '../services/auth/secrets.js';
import { AppError } from '../services/errors.js';
import { bootstrapOrganization } from '../services/setup/bootstrap.js';
import { createAdmin } from '../services/setup/create-admin.js';

function config() {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee .env.example for every variable and its meaning.\n`);
      process.exit(2);
    }
    throw error;
  }
}

async function withDatabase<T>(fn: (deps: Parameters<typeof bootstrapOrganization>[0]) => Promise<T>): Promise<T> {
  const cfg = config();
  const log = createLogger(cfg.logLevel);
  const database = await openDatabase(databaseTarget(cfg));
  try {
    await runMigrations(database);
    return await fn({ db: database.db, config: cfg, now: () => new Date(), log });
  } finally {
    await database.close();
  }
}

const program = new Command('vouch').description('Vouch: customer reference and advocacy management');

program
  .command('serve')
  .description('migrate, create the organisation on first start, and serve the app')
  .action(async () => {
    const cfg = config();
    const logger = createLogger(cfg.logLevel);
    const server = await startServer(cfg, logger);
    process.stdout.write(startBanner(server, cfg) + '\n');
    const shutdown = (signal: string) => {
      logger.info({ signal }, 'shutting down: finishing in-flight requests');
      const force = setTimeout(() => process.exit(1), 15_000);
      force.unref();
      server.stop().then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
    };
    process.once('SIGTERM', () => shutdown('SIGTERM'));
    process.once('SIGINT', () => shutdown('SIGINT'));
  });

program
  .command('migrate')
  .description('apply pending database migrations')
  .action(() =>
    withDatabase(async () => {
      process.stdout.write('Migrations are current.\n');
    }),
  );

program
  .command('seed')
  .description('create the organisation, the first admin and the demo users if this database is new')
  .action(() =>
    withDatabase(async (deps) => {
      const result = await bootstrapOrganization(deps);
      if (!result.created) return void process.stdout.write('This database already has an organisation; nothing to do.\n');
      process.stdout.write(`Created. Admin: ${result.admin?.email} / ${result.admin?.generatedPassword ?? '(VOUCH_ADMIN_PASSWORD)'}\n`);
      if (result.demoUsers.length) process.stdout.write(`Demo users: ${result.demoUsers.map((u) => u.email).join(', ')} / ${result.demoPasswordGenerated ?? '(VOUCH_DEMO_PASSWORD)'}\n`);
    }),
  );

program
  .command('create-admin')
  .description('create an admin, or make an existing user admin with a new password')
  .requiredOption('--email <email>', 'e-mail address')
  .option('--name <name>', 'full name', 'Program Admin')
  .option('--password <password>', 'password (default: generated and printed; or set VOUCH_ADMIN_PASSWORD)')
  .action((opts: { email: string; name: string; password?: string }) =>
    withDatabase(async (deps) => {
      const password = opts.password ?? process.env.VOUCH_ADMIN_PASSWORD ?? generatePassword();
      const { user, created } = await createAdmin(deps, { email: opts.email, name: opts.name, password });
      const shown = opts.password || process.env.VOUCH_ADMIN_PASSWORD ? '(as given)' : password;
      process.stdout.write(`${created ? 'Created' : 'Updated'} admin ${user.email}. Password: ${shown}\n`);
    }),
  );

program.parseAsync().catch((error: unknown) => {
  if (error instanceof AppError) {
    const fields = error.errors?.map((e) => `  ${e.field}: ${e.reason}`).join('\n') ?? '';
    process.stderr.write(`${error.title}: ${error.detail ?? ''}\n${fields}\n`);
    process.exit(2);
  }
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

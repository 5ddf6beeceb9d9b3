import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Config } from './config/config.js';
import { openDatabase, type Database } from './db/client.js';
import { runMigrations } from './db/migrate.js';
import { buildApp } from './http/app.js';
import { createSmtpTransport } from './integrations/email/smtp-transport.js';
import { startImportSweeper } from './jobs/import-sweeper.js';
import { startOutboxDispatcher } from './jobs/outbox-dispatcher.js';
import { startSweeps } from './jobs/sweeps/start-sweeps.js';
import { bootstrapOrganization, type BootstrapResult } from './services/setup/bootstrap.js';

export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  url: string;
  bootstrap: BootstrapResult;
  stop(): Promise<void>;
}

export function databaseTarget(config: Config) {
  return config.database.kind === 'postgres'
    ? { kind: 'postgres' as const, url: config.database.url }
    : { kind: 'pglite' as const, dataDir: config.database.dataDir };
}

/** Opens the database, migrates, creates the organisation on first start, and listens. */
export async function startServer(config: Config, logger: Logger): Promise<RunningServer> {
  const database = await openDatabase(databaseTarget(config));
  try {
    await runMigrations(database);
    const bootstrap = await bootstrapOrganization({ db: database.db, config, now: () => new Date(), log: logger });
    const app = await buildApp({ database, config, logger });
    await app.listen({ port: config.port, host: config.host });
    // Without SMTP, e-mails stay "held" in the outbox for admins to read; Slack and Teams posts still go.
    const sender = config.mail.smtpUrl ? createSmtpTransport(config.mail.smtpUrl, config.mail.from) : null;
    const dispatcher = startOutboxDispatcher({ db: database.db, now: () => new Date(), log: logger.child({ component: 'outbox' }) }, { email: sender });
    // Resumes CSV imports whose worker died (any instance may pick them up).
    const importSweeper = startImportSweeper({ db: database.db, config, now: () => new Date(), log: logger.child({ component: 'imports' }) });
    // Reminders, escalations, expired asks, stale profiles: one instance at a time per sweep (advisory locks).
    const sweeps = startSweeps({ db: database.db, config, now: () => new Date(), log: logger.child({ component: 'sweeps' }) });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = config.publicUrl.includes(`:${config.port}`) && config.port === 0 ? `http://localhost:${port}` : config.publicUrl;
    let stopping: Promise<void> | undefined;
    const stop = () => {
      stopping ??= (async () => {
        await app.close(); // stops accepting, lets in-flight requests finish
        await dispatcher.stop();
        await importSweeper.stop();
        await sweeps.stop();
        sender?.close();
        await database.close();
      })();
      return stopping;
    };
    return { app, database, url, bootstrap, stop };
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
}

/** Prints where Vouch is and how to sign in. Generated passwords appear only on first start. */
export function startBanner(server: RunningServer, config: Config): string {
  const lines = ['', `  Vouch is running at ${server.url}`, `  Database: ${config.database.kind === 'pglite' ? `embedded (PGlite) in ${config.database.dataDir}` : 'PostgreSQL'}`, ''];
  const { bootstrap } = server;
  if (bootstrap.created && bootstrap.admin) {
    lines.push('  First start: your organisation is ready. Sign in as the admin:');
    lines.push(`    e-mail:   ${bootstrap.admin.email}`);
    lines.push(`    password: ${bootstrap.admin.generatedPassword ?? '(the VOUCH_ADMIN_PASSWORD you set)'}`);
    if (bootstrap.admin.generatedPassword) lines.push('  This password is shown once. Keep it, or set VOUCH_ADMIN_PASSWORD before the first start.');
    if (bootstrap.demoUsers.length > 0) {
      lines.push('', `  Demo users (password: ${bootstrap.demoPasswordGenerated ?? 'the VOUCH_DEMO_PASSWORD you set'}):`);
      for (const user of bootstrap.demoUsers) lines.push(`    ${user.email.padEnd(28)} ${user.roles.join(', ')}`);
    }
  } else {
    lines.push('  Sign in with the credentials printed on the first start.');
    lines.push('  Lost them? Run: npm run vouch -- create-admin --email you@example.com');
  }
  lines.push('');
  return lines.join('\n');
}

import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { inject } from 'vitest';
import { openDatabase, wrapPglite, type Database } from '../../src/db/client.js';
import { adminQuery, withDatabase } from '../global-setup.js';

export interface TestDatabase {
  database: Database;
  /** Connection string when on PostgreSQL (for tests that start server processes). */
  url: string | null;
  drop(): Promise<void>;
}

/**
 * A private, migrated database for one test file: a copy of the run's template, on PGlite,
 * or on PostgreSQL when TEST_DATABASE_URL is set.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const postgres = inject('postgresTemplate');
  if (postgres) {
    const name = `vouch_t_${randomBytes(6).toString('hex')}`;
    await createFromTemplate(postgres.adminUrl, name, postgres.name);
    const url = withDatabase(postgres.adminUrl, name);
    const database = await openDatabase({ kind: 'postgres', url, max: 5 });
    return {
      database,
      url,
      drop: async () => {
        await database.close();
        await adminQuery(postgres.adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      },
    };
  }
  const dump = new Blob([readFileSync(inject('pgliteTemplatePath'))]);
  const client = await PGlite.create({ loadDataDir: dump });
  const database = wrapPglite(client);
  return { database, url: null, drop: () => database.close() };
}

async function createFromTemplate(adminUrl: string, name: string, template: string): Promise<void> {
  // Two files cloning the template at the same instant can collide; retry briefly.
  for (let attempt = 0; ; attempt++) {
    try {
      await adminQuery(adminUrl, `CREATE DATABASE ${name} TEMPLATE ${template}`);
      return;
    } catch (error) {
      if (attempt >= 10) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 + attempt * 200));
    }
  }
}

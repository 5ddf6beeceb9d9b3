import { sql } from 'drizzle-orm';
import { organizations, users } from '../../db/schema/index.js';
import { checkPassword } from '../../domain/password-policy.js';
import type { Role, Team } from '../../domain/roles.js';
import { generatePassword, hashPassword } from '../auth/secrets.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ServiceDeps } from '../context.js';
import { invalidInput } from '../errors.js';
import { seedDemoLoop } from '../../seed/demo-loop.js';
import { ensureDefaultTaxonomy } from '../taxonomy/seed-default-taxonomy.js';
import { ensureDefaultPipelineStages } from '../pipeline-stages/seed-default-pipeline-stages.js';
import { generateProgram } from '../../seed/generate-program.js';
import { insertProgram } from '../../seed/insert-program.js';

/** Demo users, one per role, created on the first start of a demo installation. */
export const DEMO_USERS: { email: string; name: string; roles: Role[]; team: Team }[] = [
  { email: 'sales@demo.vouch.test', name: 'Sofia Reyes', roles: ['sales'], team: 'sales' },
  { email: 'owner@demo.vouch.test', name: 'Omar Lindqvist', roles: ['owner'], team: 'customer_success' },
  { email: 'owner2@demo.vouch.test', name: 'Priya Natarajan', roles: ['owner'], team: 'customer_success' },
  { email: 'owner3@demo.vouch.test', name: 'Lucas Ferreira', roles: ['owner', 'sales'], team: 'sales' },
  { email: 'marketing@demo.vouch.test', name: 'Mei Tanaka', roles: ['marketing'], team: 'product_marketing' },
  { email: 'exec@demo.vouch.test', name: 'Elena Brooks', roles: ['exec'], team: 'executive' },
];
export const DEFAULT_ADMIN_EMAIL = 'admin@demo.vouch.test';

export interface Credential {
  email: string;
  name: string;
  roles: Role[];
  /** Present only when Vouch generated the password and must show it once. */
  generatedPassword?: string;
}

export interface BootstrapResult {
  created: boolean;
  admin?: Credential;
  demoUsers: Credential[];
  demoPasswordGenerated?: string;
}

const BOOTSTRAP_LOCK = 72_031_002;
const DEMO_SEED = 2026;

/**
 * First start: creates the organisation, the first admin and (for demos) one user per role.
 * Does nothing when an organisation exists. Safe when several instances start together.
 */
export async function bootstrapOrganization(deps: ServiceDeps): Promise<BootstrapResult> {
  const result = await createOrganization(deps);
  if (result.created && deps.config.bootstrap.seedDemo) {
    // The demo's requests go through the real use cases, each in its own transaction. A failure
    // there leaves a working installation without demo requests, so it is logged, not fatal.
    await seedDemoLoop(deps).catch((error: unknown) => deps.log.error({ err: error }, 'the demo requests could not be created'));
  }
  return result;
}

async function createOrganization(deps: ServiceDeps): Promise<BootstrapResult> {
  const { bootstrap, orgName } = deps.config;
  const adminPassword = bootstrap.adminPassword ?? generatePassword();
  const demoPassword = bootstrap.demoPassword ?? generatePassword();
  const adminEmail = bootstrap.adminEmail ?? DEFAULT_ADMIN_EMAIL;
  const adminReason = checkPassword(adminPassword, { email: adminEmail });
  if (adminReason) throw invalidInput([{ field: 'VOUCH_ADMIN_PASSWORD', reason: adminReason }]);
  if (bootstrap.seedDemo) {
    const demoReason = checkPassword(demoPassword);
    if (demoReason) throw invalidInput([{ field: 'VOUCH_DEMO_PASSWORD', reason: demoReason }]);
  }

  return deps.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${BOOTSTRAP_LOCK})`);
    // Installations from before the taxonomy existed get the defaults on their next start.
    await ensureDefaultTaxonomy(tx);
    await ensureDefaultPipelineStages(tx);
    const [existing] = await tx.select({ id: organizations.id }).from(organizations).limit(1);
    if (existing) return { created: false, demoUsers: [] };
    await tx.insert(organizations).values({ name: orgName });
    const now = deps.now();
    const admin = { email: adminEmail, name: 'Program Admin', roles: ['admin'] as Role[], team: 'customer_success' as Team };
    const people = [{ ...admin, password: adminPassword }, ...(bootstrap.seedDemo ? DEMO_USERS.map((u) => ({ ...u, password: demoPassword })) : [])];
    const ownerIds: string[] = [];
    for (const person of people) {
      const [user] = await tx
        .insert(users)
        .values({ email: person.email, name: person.name, roles: person.roles, team: person.team, passwordHash: await hashPassword(person.password), createdAt: now, updatedAt: now })
        .returning({ id: users.id });
      if (!user) throw new Error('user insert returned nothing');
      if (person.roles.includes('owner')) ownerIds.push(user.id);
      await recordAudit(tx, {
        action: 'user.created',
        actor: null,
        actorLabel: 'system',
        target: { type: 'user', id: user.id, label: person.email },
        details: { roles: person.roles, team: person.team, via: 'first start' },
      });
    }
    if (bootstrap.seedDemo) {
      // A realistic demo program (about 120 accounts and 300 advocates), the same on every machine.
      await insertProgram(tx, generateProgram({ seed: DEMO_SEED, accounts: 120, ownerUserIds: ownerIds, now }));
    }
    return {
      created: true,
      admin: { ...admin, generatedPassword: bootstrap.adminPassword ? undefined : adminPassword },
      demoUsers: bootstrap.seedDemo ? DEMO_USERS.map(({ email, name, roles }) => ({ email, name, roles })) : [],
      demoPasswordGenerated: bootstrap.seedDemo && !bootstrap.demoPassword ? demoPassword : undefined,
    };
  });
}

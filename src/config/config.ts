import { z } from 'zod';

/** Environment variables Vouch reads. Every one is listed in README.md and .env.example. */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  PUBLIC_URL: z.url({ message: 'must be an absolute URL such as https://vouch.example.com' }).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  VOUCH_DATA_DIR: z.string().min(1).default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  VOUCH_ORG_NAME: z.string().min(1).max(120).default('Acme Analytics'),
  VOUCH_ADMIN_EMAIL: z.email({ message: 'must be an e-mail address' }).optional(),
  VOUCH_ADMIN_PASSWORD: z.string().optional(),
  VOUCH_DEMO_PASSWORD: z.string().optional(),
  VOUCH_SEED_DEMO: z.enum(['true', 'false']).default('true'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(60 * 24 * 30).default(60 * 12),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(24 * 14),
  INVITATION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(24 * 7),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Vouch <vouch@localhost>'),
  VOUCH_STALE_AFTER_MONTHS: z.coerce.number().int().min(1).max(60).default(12),
  /** `true` lets admins add any http(s) webhook URL (local receivers in development and tests). */
  WEBHOOK_ALLOW_ANY_URL: z.enum(['true', 'false']).optional(),
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  env: Env['NODE_ENV'];
  port: number;
  host: string;
  publicUrl: string;
  secureCookies: boolean;
  database: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };
  logLevel: Env['LOG_LEVEL'];
  orgName: string;
  bootstrap: { adminEmail?: string; adminPassword?: string; demoPassword?: string; seedDemo: boolean };
  session: { idleMs: number; absoluteMs: number };
  invitationTtlMs: number;
  trustProxy: boolean;
  mail: { smtpUrl?: string; from: string };
  /** An advocate profile not verified for this many months is stale. */
  staleAfterMonths: number;
  /** Slack and Teams endpoints: only the services' own webhook hosts, unless any URL is allowed. */
  webhooks: { allowAnyUrl: boolean };
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Reads and validates the environment. Throws ConfigError listing every bad variable. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message} (got ${JSON.stringify(cleaned[String(issue.path[0])] ?? null)})`),
    );
  }
  const e = parsed.data;
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    publicUrl,
    secureCookies: publicUrl.startsWith('https://'),
    database: e.DATABASE_URL ? { kind: 'postgres', url: e.DATABASE_URL } : { kind: 'pglite', dataDir: e.VOUCH_DATA_DIR },
    logLevel: e.LOG_LEVEL,
    orgName: e.VOUCH_ORG_NAME,
    bootstrap: {
      adminEmail: e.VOUCH_ADMIN_EMAIL?.toLowerCase(),
      adminPassword: e.VOUCH_ADMIN_PASSWORD,
      demoPassword: e.VOUCH_DEMO_PASSWORD,
      seedDemo: e.VOUCH_SEED_DEMO === 'true',
    },
    session: { idleMs: e.SESSION_IDLE_MINUTES * 60_000, absoluteMs: e.SESSION_ABSOLUTE_HOURS * 3_600_000 },
    invitationTtlMs: e.INVITATION_TTL_HOURS * 3_600_000,
    trustProxy: e.TRUST_PROXY === 'true',
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM },
    staleAfterMonths: e.VOUCH_STALE_AFTER_MONTHS,
    webhooks: { allowAnyUrl: e.WEBHOOK_ALLOW_ANY_URL === 'true' },
  };
}

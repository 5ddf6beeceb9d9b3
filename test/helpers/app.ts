import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pino from 'pino';
import type { Config } from '../../src/config/config.js';
import { buildApp } from '../../src/http/app.js';
import type { ServiceDeps } from '../../src/services/context.js';
import { testConfig } from './config.js';
import { createTestDatabase, type TestDatabase } from './database.js';
import { createOrganization, createUser, TEST_PASSWORD } from './factories.js';
import type { Role } from '../../src/domain/roles.js';

/** A clock tests can move forward. */
export class TestClock {
  constructor(private current = new Date()) {}
  now = () => new Date(this.current);
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export interface TestApp {
  app: FastifyInstance;
  db: TestDatabase;
  deps: ServiceDeps;
  clock: TestClock;
  config: Config;
  /** A client signed in as a new user with these roles. */
  signedInAs(roles: Role[]): Promise<ApiClient>;
  client(): ApiClient;
  close(): Promise<void>;
}

export async function createTestApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const config = testConfig(overrides);
  const clock = new TestClock();
  const logger = pino({ level: 'silent' });
  await createOrganization(db.database.db);
  const app = await buildApp({ database: db.database, config, logger, now: clock.now });
  await app.ready();
  const deps: ServiceDeps = { db: db.database.db, config, now: clock.now, log: logger };
  return {
    app,
    db,
    deps,
    clock,
    config,
    client: () => new ApiClient(app),
    async signedInAs(roles) {
      const user = await createUser(db.database.db, { roles });
      const client = new ApiClient(app);
      await client.signIn(user.email, TEST_PASSWORD);
      return client;
    },
    async close() {
      await app.close();
      await db.drop();
    },
  };
}

/** Speaks to the app like a browser: keeps the session cookie and sends the CSRF token. */
export class ApiClient {
  cookie: string | null = null;
  csrfToken: string | null = null;
  userId: string | null = null;
  ip = '203.0.113.10';

  constructor(private readonly app: FastifyInstance) {}

  async signIn(email: string, password: string): Promise<LightMyRequestResponse> {
    const res = await this.request({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password } });
    if (res.statusCode === 200) {
      const setCookie = res.cookies.find((c) => c.name === 'vouch_session');
      this.cookie = setCookie ? `vouch_session=${setCookie.value}` : null;
      const body = res.json<{ csrfToken: string; user: { id: string } }>();
      this.csrfToken = body.csrfToken;
      this.userId = body.user.id;
    }
    return res;
  }

  request(options: InjectOptions & { method: NonNullable<InjectOptions['method']>; url: string }): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...(options.headers as Record<string, string> | undefined) };
    if (this.cookie && !('cookie' in headers)) headers.cookie = this.cookie;
    if (this.csrfToken && options.method !== 'GET' && !('x-csrf-token' in headers)) headers['x-csrf-token'] = this.csrfToken;
    return this.app.inject({ ...options, headers, remoteAddress: this.ip });
  }

  get(url: string) {
    return this.request({ method: 'GET', url });
  }
  post(url: string, payload?: object) {
    return this.request({ method: 'POST', url, payload: payload ?? {} });
  }
  patch(url: string, payload: object) {
    return this.request({ method: 'PATCH', url, payload });
  }
}

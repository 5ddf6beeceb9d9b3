import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('defaults to the embedded database on port 3000', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ kind: 'pglite', dataDir: './data' });
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.secureCookies).toBe(false);
  });
  it('uses PostgreSQL when DATABASE_URL is set, and secure cookies behind https', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@db/vouch', PUBLIC_URL: 'https://vouch.example.com/' });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://u@db/vouch' });
    expect(config.publicUrl).toBe('https://vouch.example.com');
    expect(config.secureCookies).toBe(true);
  });
  it('names every bad variable with a reason', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', VOUCH_ADMIN_EMAIL: 'nope', SESSION_IDLE_MINUTES: '1' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      for (const name of ['PORT', 'DATABASE_URL', 'VOUCH_ADMIN_EMAIL', 'SESSION_IDLE_MINUTES']) expect(problems).toContain(name);
    }
  });
});

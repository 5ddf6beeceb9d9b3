import { loadConfig, type Config } from '../../src/config/config.js';

/**
 * Configuration for tests: nothing from the developer's environment leaks in. Webhook endpoints
 * may be any URL, so tests post to a local receiver.
 */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PUBLIC_URL: 'http://vouch.test', WEBHOOK_ALLOW_ANY_URL: 'true', ...overrides });
}

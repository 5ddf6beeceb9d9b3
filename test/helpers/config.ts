import { loadConfig, type Config } from '../../src/config/config.js';

/** Configuration for tests: nothing from the developer's environment leaks in. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PUBLIC_URL: 'http://vouch.test', ...overrides });
}

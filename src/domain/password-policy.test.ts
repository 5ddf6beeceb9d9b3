import { describe, expect, it } from 'vitest';
import { checkPassword, PASSWORD_MIN_LENGTH } from './password-policy.js';

describe('checkPassword', () => {
  it('accepts a long passphrase', () => {
    expect(checkPassword('copper kettle whistles at dawn')).toBeNull();
  });
  it('refuses short passwords', () => {
    expect(checkPassword('a'.repeat(PASSWORD_MIN_LENGTH - 1))).toMatch(/at least/);
  });
  it('refuses common passwords, also with digits appended', () => {
    expect(checkPassword('passwordpassword')).toMatch(/common|guess/);
    expect(checkPassword('qwertyuiop123')).toMatch(/common|guess/);
    expect(checkPassword('1234567890123')).toMatch(/common|guess/);
  });
  it('refuses the user’s own name or e-mail', () => {
    expect(checkPassword('margaret-hamilton-1969', { name: 'Margaret Hamilton' })).toMatch(/name or e-mail/);
    expect(checkPassword('jdoe.rocks.forever', { email: 'jdoe@example.com' })).toMatch(/name or e-mail/);
  });
  it('refuses long but guessable patterns', () => {
    expect(checkPassword('aaaaaaaaaaaaaaaa')).toMatch(/guess/);
    expect(checkPassword('abcdefghijklmnop')).toMatch(/guess/);
  });
});

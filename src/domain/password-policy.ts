import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';

/** Password rules: length first (NIST SP 800-63B), then known and guessable passwords. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;
/** zxcvbn score (0–4) a password must reach. 3 = "safely unguessable" for online attacks. */
const MIN_SCORE = 3;

const commonPasswords = new Set((common.dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));
const estimator = new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });

export interface PasswordContext {
  email?: string;
  name?: string;
}

/** Returns the reason the password is refused, or null when it is acceptable. */
export function checkPassword(password: string, context: PasswordContext = {}): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (password.length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  const lowered = password.toLowerCase();
  if (commonPasswords.has(lowered) || commonPasswords.has(lowered.replace(/[\d!?.]+$/, ''))) {
    return 'This password is among the most common ones; choose another.';
  }
  const personal = personalWords(context);
  if (personal.some((word) => lowered.includes(word))) {
    return 'Do not use your name or e-mail address in your password.';
  }
  const result = estimator.check(password, personal);
  if (result.score < MIN_SCORE) {
    return 'This password is too easy to guess: add words or make it longer.';
  }
  return null;
}

function personalWords({ email, name }: PasswordContext): string[] {
  const words = [email?.split('@')[0], ...(name?.split(/\s+/) ?? [])];
  return words.map((w) => (w ?? '').toLowerCase()).filter((w) => w.length >= 4);
}

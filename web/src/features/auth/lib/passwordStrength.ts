export interface PasswordStrength {
  /** 0 (empty) to 4 (strong). */
  score: 0 | 1 | 2 | 3 | 4;
  label: string;
  hint: string;
  color: string;
}

const commonFragments = ['password', 'passw0rd', 'qwerty', 'azerty', '123456', 'letmein', 'welcome', 'admin', 'iloveyou', 'abc123', 'vouch'];

/**
 * A quick, local estimate to guide people as they type. The server has the final say
 * (it also rejects common and breached-looking passwords).
 */
export function estimatePasswordStrength(password: string, minLength: number, personal: readonly string[] = []): PasswordStrength {
  if (password === '') return { score: 0, label: '', hint: `Use at least ${minLength} characters.`, color: 'gray' };
  const lower = password.toLowerCase();
  const personalParts = personal
    .flatMap((value) => value.toLowerCase().split(/[^a-z0-9]+/))
    .filter((part) => part.length >= 3);
  if (password.length < minLength) {
    return {
      score: 1,
      label: 'Too short',
      hint: `${minLength - password.length} more ${minLength - password.length === 1 ? 'character' : 'characters'} needed.`,
      color: 'red',
    };
  }
  if (commonFragments.some((fragment) => lower.includes(fragment)) || personalParts.some((part) => lower.includes(part))) {
    return { score: 1, label: 'Easy to guess', hint: 'Avoid common words and your own name or e-mail.', color: 'red' };
  }
  if (/^(.)\1+$/.test(password) || new Set(password).size < Math.min(6, password.length / 2)) {
    return { score: 1, label: 'Easy to guess', hint: 'Avoid repeating the same few characters.', color: 'red' };
  }
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((pattern) => pattern.test(password)).length;
  const lengthBonus = password.length >= minLength + 8 ? 2 : password.length >= minLength + 4 ? 1 : 0;
  const points = classes + lengthBonus;
  if (points >= 5) return { score: 4, label: 'Strong', hint: 'Great, that will be hard to guess.', color: 'teal' };
  if (points >= 3) return { score: 3, label: 'Good', hint: 'A few more words would make it even stronger.', color: 'teal' };
  return { score: 2, label: 'Fair', hint: 'Longer is stronger: try a short phrase of unrelated words.', color: 'orange' };
}

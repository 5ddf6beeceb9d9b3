/** Client-side checks that mirror the server's, so people see problems while they type. */

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function validateEmail(value: string): string | null {
  const trimmed = value.trim();
  if (trimmed === '') return 'Enter an e-mail address';
  if (!EMAIL_PATTERN.test(trimmed)) return 'Enter a valid e-mail address, like name@company.com';
  return null;
}

export function validateRequired(label: string) {
  return (value: string): string | null => (value.trim() === '' ? `Enter ${label}` : null);
}

export function validateName(value: string): string | null {
  const trimmed = value.trim();
  if (trimmed === '') return 'Enter a full name';
  if (trimmed.length > 200) return 'Keep the name under 200 characters';
  return null;
}

export function validateNewPassword(minLength: number) {
  return (value: string): string | null => {
    if (value === '') return 'Choose a password';
    if (value.length < minLength) return `Use at least ${minLength} characters`;
    return null;
  };
}

export function validateConfirmation(value: string, password: string): string | null {
  if (value === '') return 'Type the password again';
  if (value !== password) return "The passwords don't match";
  return null;
}

/** Shared settings: validate on change after a short pause, and on blur. */
export const liveValidation = {
  mode: 'controlled',
  validateInputOnChange: true,
  validateInputOnBlur: true,
  validateDebounce: 400,
} as const;

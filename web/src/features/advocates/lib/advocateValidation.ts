import type { FormValidateInput } from '@mantine/form';
import { validateEmail } from '@/shared/forms/validators';
import type { AdvocateFormValues, BlackoutRow } from './advocateForm';

const PHONE_PATTERN = /^\+?[0-9 ()./-]{6,30}$/;

const requiredName = (what: string) => (value: string) => {
  if (value.trim() === '') return `Enter the ${what}`;
  return value.trim().length > 100 ? 'Keep it under 100 characters' : null;
};

/** Client checks that mirror the server's, so problems show while typing. */
export const advocateValidation: FormValidateInput<AdvocateFormValues> = {
  firstName: requiredName('first name'),
  lastName: requiredName('last name'),
  title: (value) => (value.trim().length > 200 ? 'Keep the title under 200 characters' : null),
  email: (value, values) => (values.clearEmail || value.trim() === '' ? null : validateEmail(value)),
  phone: (value, values) =>
    values.clearPhone || value.trim() === '' || PHONE_PATTERN.test(value.trim())
      ? null
      : 'Enter a phone number such as +33 1 23 45 67 89',
  storySituation: (value) => (value.length > 5000 ? 'Keep it under 5,000 characters' : null),
  storySolution: (value) => (value.length > 5000 ? 'Keep it under 5,000 characters' : null),
  storyOutcomes: (value) => (value.length > 5000 ? 'Keep it under 5,000 characters' : null),
  personalityNotes: (value) => (value.length > 2000 ? 'Keep it under 2,000 characters' : null),
  blackouts: {
    startsOn: (value: string) => (value ? null : 'Pick the first day'),
    endsOn: (value: string, values: AdvocateFormValues, path: string) => {
      if (!value) return 'Pick the last day';
      const index = Number(path.split('.')[1]);
      const row: BlackoutRow | undefined = values.blackouts[index];
      return row && row.startsOn && value < row.startsOn ? 'Must not be before the first day' : null;
    },
  },
  points: (value) => {
    const n = typeof value === 'number' ? value : Number(value);
    return Number.isInteger(n) && n >= 0 ? null : 'Enter a whole number, 0 or more';
  },
  personalCap: (value) => {
    if (value === '') return null;
    const n = typeof value === 'number' ? value : Number(value);
    return Number.isFinite(n) && n >= 0 && n <= 1000 ? null : 'Enter a number between 0 and 1,000, or leave empty';
  },
  consent: {
    at: (value: string, values: AdvocateFormValues) => (values.consentRecorded && !value ? 'When did they agree?' : null),
    method: (value: string, values: AdvocateFormValues) =>
      values.consentRecorded && value.trim() === '' ? 'How did they agree? For example “Signed reference agreement”' : null,
    scope: (value: string[], values: AdvocateFormValues) =>
      values.consentRecorded && value.length === 0 ? 'Pick at least one thing they agreed to' : null,
  },
};

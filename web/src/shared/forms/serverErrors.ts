import type { UseFormReturnType } from '@mantine/form';
import { useCallback, useState } from 'react';
import { ApiError, errorMessage } from '../api/apiError';

export interface FormProblem {
  /** The headline: the problem's detail (or title) or a rate-limit message. */
  message: string;
  /** Field messages the form has no input for, listed under the headline. */
  extra: string[];
}

/**
 * Maps a server error onto a Mantine form: each `errors[].field` (a dotted path such as
 * `roles.0`) goes to the closest input the form has: a field of a row stays itself
 * (`blackouts.0.endsOn`), an item of a plain list goes to the list's input (`roles.0` → `roles`).
 * Whatever cannot be placed on an input is returned for an alert above the form.
 */
export function applyServerErrors<Values>(
  form: UseFormReturnType<Values>,
  error: unknown,
  aliases: Readonly<Record<string, string>> = {},
): FormProblem {
  if (!(error instanceof ApiError)) return { message: errorMessage(error), extra: [] };
  const fieldErrors: Record<string, string> = {};
  const extra: string[] = [];
  const values = form.getValues() as Record<string, unknown>;
  for (const [path, reason] of Object.entries(error.fieldErrors)) {
    const target = resolveField(path, values, aliases);
    if (target === null) extra.push(reason);
    else if (!(target in fieldErrors)) fieldErrors[target] = reason;
  }
  if (Object.keys(fieldErrors).length > 0) form.setErrors(fieldErrors);
  return { message: error.userMessage, extra };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at a dotted path and the value holding it (its parent), if the path exists. */
function lookup(values: Record<string, unknown>, segments: readonly string[]): { parent: unknown; found: boolean } {
  let parent: unknown = null;
  let current: unknown = values;
  for (const segment of segments) {
    if (typeof current !== 'object' || current === null || !(segment in current)) return { parent, found: false };
    parent = current;
    current = (current as Record<string, unknown>)[segment];
  }
  return { parent, found: true };
}

function resolveField(
  path: string,
  values: Record<string, unknown>,
  aliases: Readonly<Record<string, string>>,
): string | null {
  const segments = path.split('.');
  for (let length = segments.length; length > 0; length -= 1) {
    const candidate = segments.slice(0, length).join('.');
    const alias = aliases[candidate];
    if (alias !== undefined) return alias;
  }
  // The longest path naming a field of an object: `blackouts.0.endsOn` is an input of a row, while
  // inputs edit whole lists of plain values, so an error on `roles.0` belongs to the `roles` input.
  for (let length = segments.length; length > 0; length -= 1) {
    const { parent, found } = lookup(values, segments.slice(0, length));
    if (found && isPlainObject(parent)) return segments.slice(0, length).join('.');
  }
  return null;
}

/** Holds the form-level problem shown in a FormAlert, with a handler for mutation errors. */
export function useFormProblem<Values>(form: UseFormReturnType<Values>, aliases?: Readonly<Record<string, string>>) {
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const handleError = useCallback(
    (error: unknown) => {
      setProblem(applyServerErrors(form, error, aliases));
    },
    [form, aliases],
  );
  const clearProblem = useCallback(() => setProblem(null), []);
  return { problem, handleError, clearProblem, setProblem };
}

import { forbidden } from '../services/errors.js';

/** Throws 403 unless the policy allowed the action. */
export function authorize(allowed: boolean, detail?: string): void {
  if (!allowed) throw forbidden(detail);
}

/** Readable names for known audit actions; unknown ones are turned into words. */
const KNOWN: Record<string, string> = {
  'auth.sign_in': 'Signed in',
  'auth.sign_in_failed': 'Failed sign-in',
  'auth.sign_out': 'Signed out',
  'auth.password_changed': 'Changed password',
  'user.invited': 'Invited a person',
  'user.invitation_revoked': 'Revoked an invitation',
  'user.invitation_resent': 'Resent an invitation',
  'user.invitation_accepted': 'Accepted an invitation',
  'user.updated': 'Updated a person',
  'user.roles_changed': 'Changed roles',
  'user.deactivated': 'Deactivated a person',
  'user.reactivated': 'Reactivated a person',
  'protected_field.revealed': 'Revealed protected contact details',
  'advocate.contacts_exported': 'Exported advocates with contact details',
  'advocate.merged': 'Merged duplicate advocates',
  'advocate.status_changed': 'Moved an advocate along the lifecycle',
  'import.uploaded': 'Uploaded a CSV import',
  'import.mapping_changed': 'Changed an import’s column mapping',
  'import.run_started': 'Started an import run',
  'import.completed': 'Completed an import',
  'import.failed': 'Import failed',
  'activity.logged': 'Logged a use outside the request flow',
  'advocate.thanked': 'Thanked an advocate',
  'opportunity.outcome_recorded': 'Recorded an opportunity’s outcome',
  'request.readiness_overridden': 'Let a request through the readiness gate',
  'request.cancelled': 'Cancelled a reference request',
  'opportunity.created': 'Created an opportunity',
  'opportunity.updated': 'Changed an opportunity',
  'pipeline.updated': 'Changed the sales pipeline stages',
  'program_policy.updated': 'Changed the program policies',
};

export function actionLabel(action: string): string {
  const known = KNOWN[action];
  if (known) return known;
  const words = action.replace(/[._]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Failed and sensitive actions stand out in the list. */
export function actionColor(action: string): string {
  if (action.includes('failed') || action.includes('denied')) return 'red';
  if (action.startsWith('protected_field') || action === 'advocate.contacts_exported') return 'orange';
  if (action.includes('deactivated') || action.includes('revoked')) return 'grape';
  if (action.startsWith('auth.')) return 'gray';
  return 'indigo';
}

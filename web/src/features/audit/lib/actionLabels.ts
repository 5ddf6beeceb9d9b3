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
  if (action.startsWith('protected_field')) return 'orange';
  if (action.includes('deactivated') || action.includes('revoked')) return 'grape';
  if (action.startsWith('auth.')) return 'gray';
  return 'indigo';
}

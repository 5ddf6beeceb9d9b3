/** Where to go after signing in: only same-site paths, never another origin. */
export function safeReturnPath(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (value.startsWith('/sign-in') || value.startsWith('/accept-invitation')) return '/';
  return value;
}

/** `/sign-in?next=…` for the page a person was trying to reach. */
export function signInPathFor(pathWithSearch: string): string {
  const next = safeReturnPath(pathWithSearch);
  return next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`;
}

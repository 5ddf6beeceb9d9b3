import { useEffect } from 'react';

/** Sets `<title>` to "Page · Vouch" while the page is shown. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Vouch` : 'Vouch';
  }, [title]);
}

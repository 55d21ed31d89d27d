import { useEffect } from 'react';

/** Sets the browser tab's title, so each screen is announced and bookmarked by name. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Accoglienza` : 'Accoglienza';
  }, [title]);
}

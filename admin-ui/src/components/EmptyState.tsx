import type { ReactNode } from 'react';

/** What a list shows when it has nothing to list. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="callout note my-4" role="status">
      <div className="callout-title">{title}</div>
      {children ? <div>{children}</div> : null}
    </div>
  );
}

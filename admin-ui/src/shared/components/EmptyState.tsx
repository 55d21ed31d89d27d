import { Callout, CalloutText, CalloutTitle } from 'design-react-kit';
import type { ReactNode } from 'react';

/** What a list shows when it has nothing to list. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <Callout color="note" className="my-4" role="status">
      <CalloutTitle>
        <span className="text">{title}</span>
      </CalloutTitle>
      {children ? <CalloutText>{children}</CalloutText> : null}
    </Callout>
  );
}

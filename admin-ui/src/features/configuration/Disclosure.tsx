import { Button } from 'design-react-kit';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

/**
 * A form shown on request: a button that opens it right below, where it was clicked, with the
 * focus moved to its first field. (Not `<details>`: Chromium keeps a closed one's content laid
 * out, under the texts that follow.)
 */
export function Disclosure({ label, children }: { label: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (open) panel.current?.querySelector<HTMLElement>('select, input, textarea')?.focus();
  }, [open]);
  return (
    <div className="my-4">
      <Button color="primary" outline aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        {open ? `Chiudi: ${label.toLowerCase()}` : label}
      </Button>
      {open ? (
        <div id={id} ref={panel} className="mt-3">
          {children}
        </div>
      ) : null}
    </div>
  );
}

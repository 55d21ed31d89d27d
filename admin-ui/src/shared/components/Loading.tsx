import { Spinner } from 'design-react-kit';

/** A polite, visible "loading" state for a page or a part of it. */
export function Loading({ label = 'Caricamento in corso…' }: { label?: string }) {
  return (
    <div role="status" className="d-flex align-items-center gap-3 my-4">
      <span aria-hidden="true">
        <Spinner active small label="" />
      </span>
      <span>{label}</span>
    </div>
  );
}

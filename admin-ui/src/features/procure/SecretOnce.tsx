import { Alert, Button } from 'design-react-kit';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

interface SecretOnceProps {
  /** What the secret is, e.g. "Chiave API «Gestionale studio»". */
  title: string;
  /** The label of the field holding it, e.g. "Chiave API". */
  label: string;
  secret: string;
  /** What to do if it is lost, e.g. "revocala e creane una nuova" (an API key). */
  whenLost: string;
  /** What the secret is for and where to put it. */
  children?: ReactNode;
  onDone: () => void;
}

/**
 * A secret the API shows once (an API key, a webhook signing secret): kept only
 * in memory, never in a draft, with a copy button and a clear warning.
 */
export function SecretOnce({ title, label, secret, whenLost, children, onDone }: SecretOnceProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const fieldId = useId();
  const [copy, setCopy] = useState<'idle' | 'done' | 'failed'>('idle');
  // Moved here when it appears, so keyboard and screen-reader users land on it.
  useEffect(() => headingRef.current?.focus(), []);

  const copyToClipboard = async () => {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(secret);
      setCopy('done');
    } catch {
      setCopy('failed');
    }
  };

  return (
    <Alert color="warning" fade={false} className="my-4" data-testid="secret-once">
      <h2 className="h5 alert-heading" tabIndex={-1} ref={headingRef}>
        {title}: copia ora il valore
      </h2>
      <p>
        <strong>{label}: il valore è mostrato solo questa volta.</strong> Non potrai più vederlo e non possiamo
        recuperarlo: se lo perdi, {whenLost}.
      </p>
      {children}
      <div className="form-group mt-4 mb-2">
        <label htmlFor={fieldId} className="active">
          {label}
        </label>
        <input
          id={fieldId}
          type="text"
          readOnly
          className="form-control font-monospace"
          value={secret}
          onFocus={(event) => event.target.select()}
          spellCheck={false}
          autoComplete="off"
        />
      </div>
      <div className="d-flex flex-wrap align-items-center gap-3">
        <Button color="primary" size="sm" onClick={() => void copyToClipboard()}>
          Copia
        </Button>
        <Button color="secondary" outline size="sm" onClick={onDone}>
          Ho salvato il valore, nascondi
        </Button>
        <span role="status" aria-live="polite">
          {copy === 'done'
            ? 'Copiato negli appunti.'
            : copy === 'failed'
              ? 'Copia non riuscita: seleziona il testo e copialo a mano.'
              : ''}
        </span>
      </div>
    </Alert>
  );
}

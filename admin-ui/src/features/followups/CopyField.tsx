import { Button } from 'design-react-kit';
import { useId, useState } from 'react';

/** A text the operator reads out or sends (an e-mail subject, an address), with a copy button. */
export function CopyField({ label, value }: { label: string; value: string }) {
  const id = useId();
  const [copy, setCopy] = useState<'idle' | 'done' | 'failed'>('idle');
  const copyToClipboard = async () => {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(value);
      setCopy('done');
    } catch {
      setCopy('failed');
    }
  };
  return (
    <div className="my-1">
      <span id={id} className="fw-semibold">
        {label}:
      </span>{' '}
      <code aria-labelledby={id}>{value}</code>{' '}
      <Button
        color="primary"
        outline
        size="xs"
        className="py-0"
        aria-label={`Copia ${label.toLowerCase()}`}
        onClick={copyToClipboard}
      >
        Copia
      </Button>{' '}
      <span aria-live="polite">
        {copy === 'done' ? 'Copiato.' : copy === 'failed' ? 'Copia non riuscita: selezionalo e copialo a mano.' : ''}
      </span>
    </div>
  );
}

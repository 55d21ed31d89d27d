import { Button, Modal, ModalBody, ModalFooter } from 'design-react-kit';
import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { CombinedError } from 'urql';
import { TextAreaField } from '../../shared/components/fields';
import { MutationError } from '../../shared/components/MutationError';
import { onlyFieldErrors, serverFieldErrors } from '../../shared/validation/fieldErrors';

interface Props {
  title: string;
  /** The label of the text asked for, e.g. "Che cosa è stato fatto". */
  label: string;
  /** The server's name of the field (`extensions.field`): its refusal goes under the text. */
  field: string;
  confirmLabel: string;
  confirmColor?: 'primary' | 'danger';
  /** Sends the text; resolves with the server's refusal, if any. The dialog closes on success. */
  onSubmit: (text: string) => Promise<{ error?: CombinedError }>;
  onClose: () => void;
  onReload?: () => void;
  children?: ReactNode;
}

/**
 * An in-place dialog that asks for one text (what was done, why cancelled):
 * focus goes to the text when it opens and back to the button that opened it on close.
 */
export function TextDialog({
  title,
  label,
  field,
  confirmLabel,
  confirmColor = 'primary',
  onSubmit,
  onClose,
  onReload,
  children,
}: Props) {
  const titleId = useId();
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CombinedError | undefined>();
  const areaRef = useRef<HTMLDivElement>(null);
  const focusText = () => areaRef.current?.querySelector('textarea')?.focus();
  const fieldError = missing ? 'Scrivi una risposta prima di confermare.' : serverFieldErrors(error)[field];

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!text.trim()) {
      setMissing(true);
      focusText();
      return;
    }
    setBusy(true);
    const result = await onSubmit(text.trim());
    setBusy(false);
    if (result.error) {
      setError(result.error);
      focusText();
    }
  };

  return (
    <Modal
      isOpen
      toggle={busy ? undefined : onClose}
      labelledBy={titleId}
      fade={false}
      returnFocusAfterClose
      onOpened={focusText}
    >
      <form onSubmit={submit} noValidate>
        <div className="modal-header">
          <h2 className="modal-title h5" id={titleId}>
            {title}
          </h2>
        </div>
        <ModalBody>
          {children}
          <div ref={areaRef}>
            <TextAreaField
              label={label}
              value={text}
              onChange={(value) => {
                setText(value);
                setMissing(false);
                setError(undefined);
              }}
              error={fieldError}
              maxLength={1000}
              rows={3}
              required
            />
          </div>
          {error && !onlyFieldErrors(error, [field]) ? <MutationError error={error} onReload={onReload} /> : null}
        </ModalBody>
        <ModalFooter>
          <Button color="secondary" outline type="button" onClick={onClose} disabled={busy}>
            Annulla
          </Button>
          <Button color={confirmColor} type="submit" disabled={busy} aria-busy={busy}>
            {busy ? 'Attendere…' : confirmLabel}
          </Button>
        </ModalFooter>
      </form>
    </Modal>
  );
}

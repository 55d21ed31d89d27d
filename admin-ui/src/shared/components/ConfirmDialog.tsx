import { Button, Modal, ModalBody, ModalFooter } from 'design-react-kit';
import { useId, type ReactNode } from 'react';

interface ConfirmDialogProps {
  isOpen: boolean;
  title: string;
  children: ReactNode;
  /** Text of the button that goes ahead, e.g. "Revoca". */
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** While the action runs: both buttons are disabled. */
  busy?: boolean;
  /** Shown inside the dialog, e.g. the server's refusal. */
  error?: ReactNode;
}

/** A modal dialog that asks before an action that is hard to undo; Esc or "Annulla" closes it. */
export function ConfirmDialog({
  isOpen,
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
  busy,
  error,
}: ConfirmDialogProps) {
  const titleId = useId();
  return (
    <Modal isOpen={isOpen} toggle={busy ? undefined : onCancel} labelledBy={titleId} fade={false} returnFocusAfterClose>
      <div className="modal-header">
        <h2 className="modal-title h5" id={titleId}>
          {title}
        </h2>
      </div>
      <ModalBody>
        {children}
        {error}
      </ModalBody>
      <ModalFooter>
        <Button color="secondary" outline onClick={onCancel} disabled={busy}>
          Annulla
        </Button>
        <Button color="danger" onClick={onConfirm} disabled={busy} aria-busy={busy}>
          {busy ? 'Attendere…' : confirmLabel}
        </Button>
      </ModalFooter>
    </Modal>
  );
}

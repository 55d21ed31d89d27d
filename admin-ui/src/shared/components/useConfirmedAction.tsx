import { useState } from 'react';
import type { CombinedError } from 'urql';
import { ErrorDisplay } from './ErrorDisplay';

/**
 * An action on a record that a `ConfirmDialog` asks about first (revoke,
 * delete): which record is being asked about, and the dialog's props. The
 * dialog stays open with the server's refusal; it closes when the action
 * succeeds, and then `onDone` runs (a notice, a reload).
 */
export function useConfirmedAction<T>(
  run: (target: T) => Promise<{ error?: CombinedError }>,
  onDone: (target: T) => void,
) {
  const [target, setTarget] = useState<T | null>(null);
  const [error, setError] = useState<CombinedError | undefined>();
  const [busy, setBusy] = useState(false);

  const confirm = async () => {
    if (target === null || busy) return;
    setBusy(true);
    const result = await run(target);
    setBusy(false);
    if (result.error) {
      setError(result.error);
      return;
    }
    setTarget(null);
    onDone(target);
  };

  return {
    target,
    ask: (next: T) => {
      setError(undefined);
      setTarget(next);
    },
    dialog: {
      isOpen: target !== null,
      onConfirm: confirm,
      onCancel: () => setTarget(null),
      busy,
      error: <ErrorDisplay error={error} headingLevel={3} />,
    },
  };
}

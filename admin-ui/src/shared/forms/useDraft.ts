import { useCallback, useRef, useState } from 'react';
import { readDraft, removeDraft, writeDraft } from './draftStore';

/**
 * Like useState, but the value is also kept in sessionStorage under `key`, so a
 * form's text survives being sent to sign-in when the session expires.
 * Call `discard()` once the form has been sent successfully. Give each form
 * (and each record it edits) its own key; the key is read once, at mount.
 *
 *   const [note, setNote, discardNote] = useDraft(`precall-note:${id}`, '');
 */
export function useDraft<T>(key: string, initial: T): [T, (value: T) => void, () => void] {
  const initialRef = useRef(initial);
  const [value, setValue] = useState<T>(() => readDraft<T>(key) ?? initial);

  const update = useCallback(
    (next: T) => {
      setValue(next);
      writeDraft(key, next);
    },
    [key],
  );

  const discard = useCallback(() => {
    removeDraft(key);
    setValue(initialRef.current);
  }, [key]);

  return [value, update, discard];
}

import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * After a form is refused (by its own checks or by the server), moves focus to
 * the first field marked `aria-invalid`, so a keyboard or screen-reader user
 * lands on what to fix. Call `focusFirstInvalid()` after setting the errors.
 */
export function useFocusFirstInvalid() {
  const formRef = useRef<HTMLFormElement>(null);
  const [request, setRequest] = useState(0);
  useEffect(() => {
    if (request === 0) return;
    const field = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    field?.focus();
  }, [request]);
  const focusFirstInvalid = useCallback(() => setRequest((n) => n + 1), []);
  return { formRef, focusFirstInvalid };
}

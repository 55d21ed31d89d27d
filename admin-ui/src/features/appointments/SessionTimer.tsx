import { useEffect, useState } from 'react';

export const COUNTER_LIMIT_MINUTES = 15;

function elapsedSeconds(startedAt: string, now: number): number {
  return Math.max(0, Math.floor((now - new Date(startedAt).getTime()) / 1000));
}

export function formatElapsed(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/** Past the 15-minute limit of a counter session (seed 000 §I.6–7). */
export function isOverLimit(seconds: number | null): boolean {
  return seconds !== null && seconds > COUNTER_LIMIT_MINUTES * 60;
}

/** Seconds since `startedAt`, ticking every second; null without a start. */
export function useElapsedSeconds(startedAt: string | null | undefined): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!startedAt) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [startedAt]);
  return startedAt ? elapsedSeconds(startedAt, now) : null;
}

/** The duration of a session under way, with the 15-minute rule's advice past the limit. */
export function SessionDuration({ seconds }: { seconds: number }) {
  return (
    <div className="my-2">
      <span>
        Durata:{' '}
        <span role="timer" aria-live="off">
          {formatElapsed(seconds)}
        </span>
      </span>
      <div aria-live="polite">
        {isOverLimit(seconds) ? (
          <p className="alert alert-warning mt-2 mb-0">
            Superati i {COUNTER_LIMIT_MINUTES} minuti: trasferisci la pratica in back office con il numero di
            protocollo. Per chiuderla comunque come conclusa serve una conferma esplicita.
          </p>
        ) : null}
      </div>
    </div>
  );
}

/** The live duration of a session under way, with a warning past the 15-minute limit. */
export function SessionTimer({ startedAt }: { startedAt: string }) {
  const seconds = useElapsedSeconds(startedAt) ?? 0;
  return <SessionDuration seconds={seconds} />;
}

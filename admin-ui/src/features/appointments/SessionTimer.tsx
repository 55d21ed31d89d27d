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

/** The live duration of a session under way, with a warning past the 15-minute limit. */
export function SessionTimer({ startedAt }: { startedAt: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const seconds = elapsedSeconds(startedAt, now);
  const over = seconds > COUNTER_LIMIT_MINUTES * 60;
  return (
    <div className="my-2">
      <span>
        Durata:{' '}
        <span role="timer" aria-live="off">
          {formatElapsed(seconds)}
        </span>
      </span>
      <div aria-live="polite">
        {over ? (
          <p className="alert alert-warning mt-2 mb-0">
            Superati i {COUNTER_LIMIT_MINUTES} minuti: valuta il trasferimento in back office con numero di protocollo.
          </p>
        ) : null}
      </div>
    </div>
  );
}

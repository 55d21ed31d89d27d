import { useId, useState } from 'react';

/**
 * The precall script of the directive (seed 000 §II.B): the five things the operator does during the call, in order.
 * A checklist for the operator only: nothing of it is recorded (the outcome is).
 */
export const PRECALL_SCRIPT_STEPS: readonly { title: string; detail: string }[] = [
  {
    title: 'Illustra brevemente i motivi del contatto',
    detail: "Presentati e spiega che chiami per la prenotazione CUP dell'utente.",
  },
  {
    title: 'Eroga il servizio subito, se possibile',
    detail: 'Con un’interrogazione alle banche dati, in tempo reale, laddove possibile.',
  },
  {
    title: 'Proponi il servizio in remoto via e-mail o PEC',
    detail:
      "L'utente invia la documentazione per e-mail o PEC: la richiesta sarà evasa nel giro di 2/3 giorni senza presentarsi in ufficio.",
  },
  {
    title: 'Proponi lo sportello virtuale',
    detail:
      "Se i servizi agili non bastano: appuntamento in videochiamata. Dai l'indirizzo dello sportello virtuale e l'oggetto dell'e-mail per i documenti (\"Prenotazione n. … appuntamento virtuale CONSEGNA DOCUMENTI – Nome Cognome\"); il giorno prima riceverà le istruzioni per collegarsi.",
  },
  {
    title: 'Ricorda il limite di 15 minuti',
    detail: "L'appuntamento, in presenza o virtuale, non può superare 15 minuti: chiedi la collaborazione dell'utente.",
  },
];

export function PrecallScript() {
  const id = useId();
  const [done, setDone] = useState<boolean[]>(() => PRECALL_SCRIPT_STEPS.map(() => false));
  const count = done.filter(Boolean).length;
  return (
    <fieldset className="border rounded p-2 mb-3">
      <legend className="fs-6 fw-semibold float-none w-auto px-1">Traccia della prechiamata</legend>
      <ol className="list-unstyled mb-1">
        {PRECALL_SCRIPT_STEPS.map((step, i) => (
          <li key={step.title} className="form-check">
            <input
              id={`${id}-step-${i}`}
              type="checkbox"
              className="form-check-input"
              checked={done[i]}
              aria-describedby={`${id}-detail-${i}`}
              onChange={(event) => setDone(done.map((d, j) => (j === i ? event.target.checked : d)))}
            />
            <label className="form-check-label" htmlFor={`${id}-step-${i}`}>
              {i + 1}. {step.title}
            </label>
            <div id={`${id}-detail-${i}`} className="small text-muted">
              {step.detail}
            </div>
          </li>
        ))}
      </ol>
      <p className="small mb-0" aria-live="polite">
        {count === PRECALL_SCRIPT_STEPS.length
          ? 'Tutti i passi della traccia sono stati svolti.'
          : `Passi svolti: ${count} di ${PRECALL_SCRIPT_STEPS.length}`}
      </p>
    </fieldset>
  );
}

import { useState } from 'react';
import { useQuery } from 'urql';
import { ErrorDisplay } from '../../shared/components/ErrorDisplay';
import { formatDateTime, SECTION_LABELS } from './labels';
import { QuesitoListQuery, QuesitoShowQuery } from './operations';

export interface PickedQuesito {
  id: string;
  subject: string;
}

/**
 * Picks a quesito by what a person knows of it — words of its subject or the citizen's fiscal
 * code — instead of asking for its identifier. The one picked is shown by its subject, with
 * "Scollega" to clear it.
 */
export function QuesitoPicker({
  label,
  value,
  onChange,
  citizenFiscalCode,
}: {
  label: string;
  value: PickedQuesito | null;
  onChange: (quesito: PickedQuesito | null) => void;
  /** The citizen of the form, when valid: offered as the first search. */
  citizenFiscalCode?: string;
}) {
  const [text, setText] = useState('');
  const [asked, setAsked] = useState<{ text?: string; citizenFiscalCode?: string } | null>(null);
  const [{ data, fetching, error }] = useQuery({
    query: QuesitoListQuery,
    variables: { filter: asked ?? {}, first: 10 },
    pause: asked === null,
  });

  if (value) {
    return (
      <div className="mb-4" role="group" aria-label={label}>
        <p className="mb-1 fw-semibold">{label}</p>
        <p className="mb-1">
          «{value.subject}»{' '}
          <button type="button" className="btn btn-link p-0 align-baseline" onClick={() => onChange(null)}>
            Scollega<span className="visually-hidden"> il quesito «{value.subject}»</span>
          </button>
        </p>
      </div>
    );
  }

  const results = asked ? (data?.quesiti.nodes ?? []) : [];
  return (
    <fieldset className="mb-4">
      <legend className="h6">{label}</legend>
      <div className="d-flex flex-wrap gap-2 align-items-end">
        <div className="form-group mb-0 flex-grow-1">
          <label htmlFor="quesito-picker-text" className="active">
            Parole dell'oggetto
          </label>
          <input
            id="quesito-picker-text"
            type="search"
            className="form-control"
            value={text}
            onChange={(event) => setText(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                if (text.trim()) setAsked({ text: text.trim() });
              }
            }}
          />
        </div>
        <button
          type="button"
          className="btn btn-outline-primary btn-sm"
          disabled={!text.trim()}
          onClick={() => setAsked({ text: text.trim() })}
        >
          Cerca
        </button>
        {citizenFiscalCode ? (
          <button
            type="button"
            className="btn btn-outline-primary btn-sm"
            onClick={() => setAsked({ citizenFiscalCode })}
          >
            Quesiti del cittadino
          </button>
        ) : null}
      </div>
      <ErrorDisplay error={error} headingLevel={3} />
      <div aria-live="polite">
        {asked && !fetching && !error && results.length === 0 ? (
          <p className="mt-2 mb-0">Nessun quesito trovato.</p>
        ) : null}
      </div>
      {results.length > 0 ? (
        <ul className="list-unstyled mt-2 mb-0">
          {results.map((quesito) => (
            <li key={quesito.id} className="d-flex flex-wrap gap-2 align-items-baseline py-1 border-bottom">
              <span className="flex-grow-1">
                «{quesito.subject}»{' '}
                <span className="small text-muted">
                  — {SECTION_LABELS[quesito.section]}, {formatDateTime(quesito.filedAt)}
                </span>
              </span>
              <button
                type="button"
                className="btn btn-primary btn-xs"
                onClick={() => onChange({ id: quesito.id, subject: quesito.subject })}
              >
                Collega<span className="visually-hidden"> il quesito «{quesito.subject}»</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}

/** The subject of the quesito named in the address (the one just filed), to show it picked. */
export function useQuesitoSubject(id: string): PickedQuesito | null {
  const [{ data }] = useQuery({ query: QuesitoShowQuery, variables: { id }, pause: !id });
  return id && data?.quesito ? { id, subject: data.quesito.subject } : null;
}

import { Alert, Button } from 'design-react-kit';
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { hasErrorCode } from '../../shared/api/errors';
import { EmptyState } from '../../shared/components/EmptyState';
import { ErrorDisplay } from '../../shared/components/ErrorDisplay';
import { Loading } from '../../shared/components/Loading';
import { LoadMore } from '../../shared/components/LoadMore';
import { TextField } from '../../shared/components/TextField';
import { useConnectionQuery } from '../../shared/components/useConnectionQuery';
import { usePageTitle } from '../../shared/components/usePageTitle';
import { useDraft } from '../../shared/forms/useDraft';
import type { FaqEntryOrder, FaqSearchQuery, Section } from '../../gql/graphql';
import { CheckboxField, SelectField, TextAreaField } from '../../shared/components/fields';
import { SECTION_LABELS, SECTION_ORDER, formatDateTime } from '../../features/quesiti';
import {
  FaqPublishMutation,
  FaqRetireMutation,
  FaqSearchQuery as FaqSearchDocument,
  FaqUpdateMutation,
} from '../../features/faq';
import { serverFieldErrors } from '../../shared/validation/fieldErrors';
import { CricNav } from './CricNav';

type FaqEntry = FaqSearchQuery['faqEntries']['nodes'][number];

const parseTags = (value: string) =>
  value
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);

type FaqSortKey = 'RELEVANCE' | 'NEWEST' | 'OLDEST' | 'QUESTION' | 'UPDATED';
const FAQ_SORT_KEYS: readonly FaqSortKey[] = ['RELEVANCE', 'NEWEST', 'OLDEST', 'QUESTION', 'UPDATED'];
const FAQ_SORT_LABELS: Record<FaqSortKey, string> = {
  RELEVANCE: 'Più pertinenti (con una ricerca), altrimenti più recenti',
  NEWEST: 'Più recenti',
  OLDEST: 'Meno recenti',
  QUESTION: 'Domanda (A–Z)',
  UPDATED: 'Modificate di recente',
};

/** The API's order for a pick: none for the best match (or newest first, without a search). */
function faqOrder(key: FaqSortKey, search: string): FaqEntryOrder | null {
  switch (key) {
    case 'RELEVANCE':
      return search ? null : { field: 'CREATED_AT', direction: 'DESC' };
    case 'NEWEST':
      return { field: 'CREATED_AT', direction: 'DESC' };
    case 'OLDEST':
      return { field: 'CREATED_AT', direction: 'ASC' };
    case 'QUESTION':
      return { field: 'QUESTION', direction: 'ASC' };
    case 'UPDATED':
      return { field: 'UPDATED_AT', direction: 'DESC' };
  }
}

/** The CRIC's FAQ: publish, edit and retire entries. */
export function FaqManagementPage() {
  usePageTitle('Gestione FAQ');
  const [text, setText] = useState('');
  const [search, setSearch] = useState('');
  const [includeRetired, setIncludeRetired] = useState(false);
  const [sortKey, setSortKey] = useState<FaqSortKey>('RELEVANCE');
  const { nodes, fetching, error, hasNextPage, totalCount, loadMore, refresh } = useConnectionQuery({
    query: FaqSearchDocument,
    variables: { search: search || null, section: null, includeRetired, orderBy: faqOrder(sortKey, search) },
    connection: (data) => data.faqEntries,
    pageSize: 20,
  });
  const reload = refresh;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSearch(text.trim());
  };
  return (
    <>
      <h1>Gestione FAQ</h1>
      <CricNav />
      <PublishFaqForm onPublished={reload} />
      <section aria-labelledby="faq-list-heading">
        <h2 id="faq-list-heading">FAQ pubblicate</h2>
        <form onSubmit={submit} role="search" aria-label="Ricerca nelle FAQ" className="row g-3 align-items-end mt-3">
          <div className="col-md-6">
            <TextField label="Parole da cercare" value={text} onChange={setText} />
          </div>
          <div className="col-md-2 mb-4">
            <Button color="primary" type="submit">
              Cerca
            </Button>
          </div>
          <div className="col-md-4">
            <CheckboxField label="Mostra anche le ritirate" checked={includeRetired} onChange={setIncludeRetired} />
          </div>
        </form>
        <div className="row">
          <div className="col-md-6">
            <SelectField label="Ordina per" value={sortKey} onChange={(v) => setSortKey(v as FaqSortKey)}>
              {FAQ_SORT_KEYS.map((key) => (
                <option key={key} value={key}>
                  {FAQ_SORT_LABELS[key]}
                </option>
              ))}
            </SelectField>
          </div>
        </div>
        <ErrorDisplay error={error} onRetry={refresh} headingLevel={3} />
        {nodes.length === 0 && fetching ? <Loading /> : null}
        {nodes.length === 0 && !fetching && !error ? <EmptyState title="Nessuna FAQ" /> : null}
        {nodes.length > 0 ? (
          <>
            <ul className="list-unstyled">
              {nodes.map((entry) => (
                <FaqItem key={`${entry.id}:${entry.version}`} entry={entry} onChanged={reload} />
              ))}
            </ul>
            <LoadMore
              hasNextPage={hasNextPage}
              fetching={fetching}
              onLoadMore={loadMore}
              shown={nodes.length}
              total={totalCount}
            />
          </>
        ) : null}
      </section>
    </>
  );
}

function PublishFaqForm({ onPublished }: { onPublished: () => void }) {
  const [draft, setDraft, discard] = useDraft('cric-faq-new', { section: '', question: '', answer: '', tags: '' });
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [done, setDone] = useState(false);
  const [{ fetching, error }, publish] = useMutation(FaqPublishMutation);
  const set = (field: keyof typeof draft, value: string) => {
    setDraft({ ...draft, [field]: value });
    setDone(false);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string | undefined> = {};
    if (!draft.section) found.section = 'Scegli la sezione.';
    if (!draft.question.trim()) found.question = 'Scrivi la domanda.';
    if (!draft.answer.trim()) found.answer = 'Scrivi la risposta.';
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    const result = await publish({
      input: {
        section: draft.section as Section,
        question: draft.question.trim(),
        answer: draft.answer.trim(),
        tags: parseTags(draft.tags),
      },
    });
    if (result.data) {
      discard();
      setDone(true);
      onPublished();
    } else setErrors(serverFieldErrors(result.error));
  };
  const fieldErrors = { ...serverFieldErrors(error), ...errors };
  return (
    <details className="mb-5">
      <summary className="h4">Pubblica una nuova FAQ</summary>
      <form onSubmit={submit} noValidate aria-label="Nuova FAQ" className="mt-3">
        {done ? (
          <Alert color="success" fade={false}>
            FAQ pubblicata.
          </Alert>
        ) : null}
        {error && Object.keys(serverFieldErrors(error)).length === 0 ? (
          <ErrorDisplay error={error} headingLevel={3} />
        ) : null}
        <SelectField
          label="Sezione *"
          value={draft.section}
          onChange={(v) => set('section', v)}
          error={fieldErrors.section}
        >
          <option value="">Scegli la sezione</option>
          {SECTION_ORDER.map((s) => (
            <option key={s} value={s}>
              {SECTION_LABELS[s]}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Domanda *"
          value={draft.question}
          onChange={(v) => set('question', v)}
          error={fieldErrors.question}
        />
        <TextAreaField
          label="Risposta *"
          value={draft.answer}
          onChange={(v) => set('answer', v)}
          error={fieldErrors.answer}
          rows={5}
        />
        <TextField
          label="Etichette"
          value={draft.tags}
          onChange={(v) => set('tags', v)}
          error={fieldErrors.tags}
          hint="Separate da virgole."
        />
        <Button color="primary" type="submit" disabled={fetching} aria-busy={fetching}>
          Pubblica
        </Button>
      </form>
    </details>
  );
}

function FaqItem({ entry, onChanged }: { entry: FaqEntry; onChanged: () => void }) {
  const [editing, setEditing] = useState(false);
  const [retire, retireFaq] = useMutation(FaqRetireMutation);
  const retired = entry.status === 'RETIRED';
  return (
    <li className="border-bottom py-3">
      <h3 className="h5">{entry.question}</h3>
      <p className="mb-1">
        <span className="badge bg-secondary">{SECTION_LABELS[entry.section]}</span>{' '}
        {retired ? (
          <span className="badge bg-dark">Ritirata</span>
        ) : (
          <span className="badge bg-success">Pubblicata</span>
        )}{' '}
        {entry.tags.map((tag) => (
          <span key={tag} className="badge bg-light text-dark me-1">
            {tag}
          </span>
        ))}
      </p>
      <p className="faq-answer">{entry.answer}</p>
      <p className="text-muted small">Aggiornata il {formatDateTime(entry.updatedAt)}</p>
      {!retired ? (
        <div className="d-flex gap-2">
          <Button size="sm" color="primary" outline onClick={() => setEditing(!editing)} aria-expanded={editing}>
            Modifica
          </Button>
          <Button
            size="sm"
            color="danger"
            outline
            disabled={retire.fetching}
            onClick={async () => {
              if ((await retireFaq({ id: entry.id })).data) onChanged();
            }}
          >
            Ritira
          </Button>
        </div>
      ) : null}
      <ErrorDisplay error={retire.error} headingLevel={4} />
      {editing ? <EditFaqForm entry={entry} onSaved={onChanged} /> : null}
    </li>
  );
}

function EditFaqForm({ entry, onSaved }: { entry: FaqEntry; onSaved: () => void }) {
  const [draft, setDraft, discard] = useDraft(`cric-faq-edit:${entry.id}:${entry.version}`, {
    question: entry.question,
    answer: entry.answer,
    tags: entry.tags.join(', '),
  });
  const [{ fetching, error }, update] = useMutation(FaqUpdateMutation);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await update({
      id: entry.id,
      expectedVersion: entry.version,
      input: { question: draft.question.trim(), answer: draft.answer.trim(), tags: parseTags(draft.tags) },
    });
    if (result.data) {
      discard();
      onSaved();
    }
  };
  const fieldErrors = serverFieldErrors(error);
  return (
    <form onSubmit={submit} noValidate aria-label={`Modifica della FAQ: ${entry.question}`} className="mt-3">
      {hasErrorCode(error, 'CONFLICT') ? (
        <Alert color="warning" fade={false}>
          La FAQ è stata modificata da un altro utente: ricarica.
        </Alert>
      ) : error && Object.keys(fieldErrors).length === 0 ? (
        <ErrorDisplay error={error} headingLevel={4} />
      ) : null}
      <TextField
        label="Domanda"
        value={draft.question}
        onChange={(question) => setDraft({ ...draft, question })}
        error={fieldErrors.question}
      />
      <TextAreaField
        label="Risposta"
        value={draft.answer}
        onChange={(answer) => setDraft({ ...draft, answer })}
        error={fieldErrors.answer}
        rows={5}
      />
      <TextField
        label="Etichette"
        value={draft.tags}
        onChange={(tags) => setDraft({ ...draft, tags })}
        hint="Separate da virgole."
      />
      <Button size="sm" color="primary" type="submit" disabled={fetching}>
        Salva
      </Button>
    </form>
  );
}

import { Button } from 'design-react-kit';
import { useState, type FormEvent } from 'react';
import { EmptyState } from '../../shared/components/EmptyState';
import { ErrorDisplay } from '../../shared/components/ErrorDisplay';
import { Loading } from '../../shared/components/Loading';
import { LoadMore } from '../../shared/components/LoadMore';
import { TextField } from '../../shared/components/TextField';
import { useConnectionQuery } from '../../shared/components/useConnectionQuery';
import type { Section } from '../../gql/graphql';
import { SelectField } from '../../shared/components/fields';
import { SECTION_LABELS, SECTION_ORDER } from '../quesiti';
import { FaqSearchQuery } from './operations';

/**
 * Full-text search of the published FAQ (Italian word forms match), best match
 * first; each answer opens under its question.
 */
export function FaqSearch({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const [text, setText] = useState('');
  const [section, setSection] = useState<Section | ''>('');
  const [search, setSearch] = useState<{ text: string; section: Section | '' } | null>(null);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const { nodes, fetching, error, hasNextPage, totalCount, loadMore, refresh } = useConnectionQuery({
    query: FaqSearchQuery,
    variables: { search: search?.text || null, section: search?.section || null, includeRetired: false },
    connection: (data) => data.faqEntries,
    pageSize: 20,
    pause: search === null,
  });
  const Heading = `h${headingLevel}` as const;
  const ItemHeading = `h${headingLevel + 1}` as 'h3' | 'h4';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setOpen(new Set());
    setSearch({ text: text.trim(), section });
  };
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <section aria-labelledby="faq-search-heading" className="mb-5">
      <Heading id="faq-search-heading">Cerca nelle FAQ</Heading>
      <p>Prima di inoltrare un quesito, cerca se la risposta è già tra le FAQ pubblicate dai CRIC.</p>
      <form onSubmit={submit} role="search" aria-label="Ricerca nelle FAQ" className="row g-3 align-items-end mt-3">
        <div className="col-md-6">
          <TextField label="Parole da cercare" value={text} onChange={setText} hint="Es. decorrenza pensione" />
        </div>
        <div className="col-md-4">
          <SelectField label="Sezione" value={section} onChange={(value) => setSection(value as Section | '')}>
            <option value="">Tutte le sezioni</option>
            {SECTION_ORDER.map((value) => (
              <option key={value} value={value}>
                {SECTION_LABELS[value]}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="col-md-2 mb-4">
          <Button color="primary" type="submit">
            Cerca
          </Button>
        </div>
      </form>

      {search !== null ? (
        <div aria-live="polite">
          <ErrorDisplay error={error} onRetry={refresh} headingLevel={3} />
          {nodes.length === 0 && fetching ? <Loading label="Ricerca in corso…" /> : null}
          {nodes.length === 0 && !fetching && !error ? (
            <EmptyState title="Nessuna FAQ trovata">
              Prova con altre parole, oppure inoltra un quesito al CRIC.
            </EmptyState>
          ) : null}
        </div>
      ) : null}
      {search !== null && nodes.length > 0 ? (
        <>
          <ol className="list-unstyled faq-results" aria-label="Risultati della ricerca nelle FAQ">
            {nodes.map((entry) => {
              const expanded = open.has(entry.id);
              const answerId = `faq-answer-${entry.id}`;
              return (
                <li key={entry.id} className="border-bottom py-2">
                  <ItemHeading className="h6 mb-1">
                    <button
                      type="button"
                      className="btn btn-link p-0 text-start"
                      aria-expanded={expanded}
                      aria-controls={answerId}
                      onClick={() => toggle(entry.id)}
                    >
                      {entry.question}
                    </button>
                  </ItemHeading>
                  <span className="badge bg-secondary">{SECTION_LABELS[entry.section]}</span>
                  {entry.tags.map((tag) => (
                    <span key={tag} className="badge bg-light text-dark ms-1">
                      {tag}
                    </span>
                  ))}
                  <div id={answerId} hidden={!expanded} className="mt-2">
                    <p className="mb-1 faq-answer">{entry.answer}</p>
                  </div>
                </li>
              );
            })}
          </ol>
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
  );
}

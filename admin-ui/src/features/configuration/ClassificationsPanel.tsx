import { Button } from 'design-react-kit';
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { EmptyState } from '../../shared/components/EmptyState';
import { ErrorDisplay } from '../../shared/components/ErrorDisplay';
import { Loading } from '../../shared/components/Loading';
import { LoadMore } from '../../shared/components/LoadMore';
import { MutationError } from '../../shared/components/MutationError';
import { SortableHeader, useSortOrder } from '../../shared/components/SortableHeader';
import { TextField } from '../../shared/components/TextField';
import { useConnectionQuery } from '../../shared/components/useConnectionQuery';
import type { ClassificationListQuery as ListData, ClassificationOrderField } from '../../gql/graphql';
import { SECTION_LABELS } from '../quesiti';
import { ClassificationListQuery, ClassificationUpdateMutation } from './operations';

type Classification = ListData['quesitoClassifications']['nodes'][number];

export const CLASSIFICATIONS_CONTEXT = {
  additionalTypenames: ['QuesitoClassification', 'QuesitoClassificationConnection'],
};

/** The classifications that apply to a region's quesiti (national and the region's own), sortable. */
export function ClassificationsPanel({ regionCode, regionName }: { regionCode: string; regionName: string }) {
  const { order, sortBy } = useSortOrder<ClassificationOrderField>({ field: 'CODE', direction: 'ASC' });
  const { nodes, fetching, error, hasNextPage, totalCount, loadMore, refresh } = useConnectionQuery({
    query: ClassificationListQuery,
    variables: { regionCode, orderBy: order },
    connection: (data) => data.quesitoClassifications,
    pageSize: 25,
  });
  const [editing, setEditing] = useState<string | null>(null);

  return (
    <section aria-labelledby="classifications-heading" className="my-5">
      <h2 id="classifications-heading" className="h3">
        Classificazioni dei quesiti
      </h2>
      <p>Le classificazioni nazionali valgono in ogni regione; quelle regionali solo per {regionName}.</p>
      <ErrorDisplay error={error} headingLevel={3} onRetry={refresh} />
      {nodes.length === 0 && fetching ? <Loading label="Caricamento delle classificazioni…" /> : null}
      {nodes.length === 0 && !fetching && !error ? <EmptyState title="Nessuna classificazione" /> : null}
      {nodes.length > 0 ? (
        <>
          <div className="table-responsive">
            <table className="table align-middle table-cards">
              <caption className="visually-hidden">Classificazioni dei quesiti per {regionName}</caption>
              <thead>
                <tr>
                  <SortableHeader field="CODE" order={order} onSort={sortBy}>
                    Codice
                  </SortableHeader>
                  <SortableHeader field="LABEL" order={order} onSort={sortBy}>
                    Descrizione
                  </SortableHeader>
                  <SortableHeader field="SECTION" order={order} onSort={sortBy}>
                    Sezione
                  </SortableHeader>
                  <th scope="col">Ambito</th>
                  <th scope="col">Stato</th>
                  <th scope="col" className="table-cards-no-label">
                    <span className="visually-hidden">Azioni</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {nodes.map((c) => (
                  <ClassificationRow
                    key={c.id}
                    classification={c}
                    editing={editing === c.id}
                    onEdit={() => setEditing(c.id)}
                    onDone={() => setEditing(null)}
                  />
                ))}
              </tbody>
            </table>
          </div>
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

interface RowProps {
  classification: Classification;
  editing: boolean;
  onEdit: () => void;
  onDone: () => void;
}

function ClassificationRow({ classification: c, editing, onEdit, onDone }: RowProps) {
  const [{ fetching, error }, update] = useMutation(ClassificationUpdateMutation);
  const toggle = () => update({ id: c.id, active: !c.active }, CLASSIFICATIONS_CONTEXT);
  return (
    <tr data-testid={`classification-${c.code}`}>
      <td data-label="Codice">
        <span className="font-monospace">{c.code}</span>
      </td>
      <td data-label="Descrizione">
        {editing ? <RenameForm classification={c} onDone={onDone} /> : <span>{c.label}</span>}
      </td>
      <td data-label="Sezione">{SECTION_LABELS[c.section]}</td>
      <td data-label="Ambito">{c.national ? 'Nazionale' : 'Regionale'}</td>
      <td data-label="Stato">
        <span className={`badge ${c.active ? 'bg-success' : 'bg-secondary'}`}>
          {c.active ? 'Attiva' : 'Disattivata'}
        </span>
      </td>
      <td className="text-end">
        <div className="d-flex gap-2 justify-content-end flex-wrap">
          {!editing ? (
            <Button color="primary" outline size="xs" onClick={onEdit} aria-label={`Rinomina ${c.code}`}>
              Rinomina
            </Button>
          ) : null}
          <Button
            color={c.active ? 'danger' : 'primary'}
            outline
            size="xs"
            onClick={toggle}
            disabled={fetching}
            aria-label={`${c.active ? 'Disattiva' : 'Riattiva'} ${c.code}`}
          >
            {c.active ? 'Disattiva' : 'Riattiva'}
          </Button>
        </div>
        <MutationError error={error} headingLevel={4} />
      </td>
    </tr>
  );
}

/** Renames in place: the field opens in the row, with the focus in it. */
function RenameForm({ classification: c, onDone }: { classification: Classification; onDone: () => void }) {
  const [label, setLabel] = useState(c.label);
  const [problem, setProblem] = useState<string | undefined>();
  const [{ fetching, error }, update] = useMutation(ClassificationUpdateMutation);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!label.trim()) {
      setProblem('Scrivi la descrizione.');
      return;
    }
    const result = await update({ id: c.id, label: label.trim() }, CLASSIFICATIONS_CONTEXT);
    if (result.data) onDone();
  };
  return (
    <form onSubmit={submit} noValidate aria-label={`Rinomina ${c.code}`} className="text-start">
      <TextField label="Nuova descrizione" value={label} onChange={setLabel} error={problem} autoFocus />
      <MutationError error={error} headingLevel={4} />
      <div className="d-flex gap-2">
        <Button color="primary" size="xs" type="submit" disabled={fetching}>
          Salva
        </Button>
        <Button color="secondary" outline size="xs" type="button" onClick={onDone}>
          Annulla
        </Button>
      </div>
    </form>
  );
}

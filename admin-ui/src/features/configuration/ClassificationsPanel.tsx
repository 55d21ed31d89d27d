import { Button } from 'design-react-kit';
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { EmptyState } from '../../shared/components/EmptyState';
import { ErrorDisplay } from '../../shared/components/ErrorDisplay';
import { Loading } from '../../shared/components/Loading';
import { LoadMore } from '../../shared/components/LoadMore';
import { MutationError } from '../../shared/components/MutationError';
import { SortableHeader, useSortOrder } from '../../shared/components/SortableHeader';
import { TextField } from '../../shared/components/TextField';
import { SelectField } from '../../shared/components/fields';
import { useConnectionQuery } from '../../shared/components/useConnectionQuery';
import type { ClassificationListQuery as ListData, ClassificationOrderField } from '../../gql/graphql';
import { SECTION_LABELS } from '../quesiti';
import {
  CentralDirectoratesQuery,
  ClassificationDirectorateMutation,
  ClassificationListQuery,
  ClassificationUpdateMutation,
} from './operations';

type Classification = ListData['quesitoClassifications']['nodes'][number];

export const CLASSIFICATIONS_CONTEXT = {
  additionalTypenames: ['QuesitoClassification', 'QuesitoClassificationConnection'],
};

/** The classifications that apply to a region's quesiti (national and the region's own), sortable. */
interface PanelProps {
  regionCode: string;
  regionName: string;
  /** The person manages national classifications (an administrator), not only the region's own. */
  managesNational: boolean;
}

export function ClassificationsPanel({ regionCode, regionName, managesNational }: PanelProps) {
  const { order, sortBy } = useSortOrder<ClassificationOrderField>({ field: 'CODE', direction: 'ASC' });
  const { nodes, fetching, error, hasNextPage, totalCount, loadMore, refresh } = useConnectionQuery({
    query: ClassificationListQuery,
    variables: { regionCode, orderBy: order },
    connection: (data) => data.quesitoClassifications,
    pageSize: 25,
  });
  const [editing, setEditing] = useState<Editing | null>(null);
  const [{ data: directorates }] = useQuery({ query: CentralDirectoratesQuery });

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
                  <th scope="col">Direzione centrale competente</th>
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
                    manages={managesNational || !c.national}
                    directorates={directorates?.centralDirectorates ?? []}
                    editing={editing?.id === c.id ? editing.what : null}
                    onEdit={(what) => setEditing({ id: c.id, what })}
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

/** What is being changed in place, in which row. */
interface Editing {
  id: string;
  what: 'label' | 'directorate';
}

interface Directorate {
  code: string;
  name: string;
}

interface RowProps {
  classification: Classification;
  /** The person may change it (a national one only as an administrator). */
  manages: boolean;
  directorates: readonly Directorate[];
  editing: Editing['what'] | null;
  onEdit: (what: Editing['what']) => void;
  onDone: () => void;
}

function ClassificationRow({ classification: c, manages, directorates, editing, onEdit, onDone }: RowProps) {
  const [{ fetching, error }, update] = useMutation(ClassificationUpdateMutation);
  const toggle = () => update({ id: c.id, active: !c.active }, CLASSIFICATIONS_CONTEXT);
  return (
    <tr data-testid={`classification-${c.code}`}>
      <td data-label="Codice">
        <span className="font-monospace">{c.code}</span>
      </td>
      <td data-label="Descrizione">
        {editing === 'label' ? <RenameForm classification={c} onDone={onDone} /> : <span>{c.label}</span>}
      </td>
      <td data-label="Sezione">{SECTION_LABELS[c.section]}</td>
      <td data-label="Ambito">{c.national ? 'Nazionale' : 'Regionale'}</td>
      <td data-label="Direzione centrale competente">
        {editing === 'directorate' ? (
          <DirectorateForm classification={c} directorates={directorates} onDone={onDone} />
        ) : (
          <span>{c.competentDirectorate?.name ?? 'Predefinita'}</span>
        )}
      </td>
      <td data-label="Stato">
        <span className={`badge ${c.active ? 'bg-success' : 'bg-secondary'}`}>
          {c.active ? 'Attiva' : 'Disattivata'}
        </span>
      </td>
      <td className="text-end">
        {manages ? (
          <div className="d-flex gap-2 justify-content-end flex-wrap">
            {!editing ? (
              <>
                <Button
                  color="primary"
                  outline
                  size="xs"
                  onClick={() => onEdit('label')}
                  aria-label={`Rinomina ${c.code}`}
                >
                  Rinomina
                </Button>
                <Button
                  color="primary"
                  outline
                  size="xs"
                  onClick={() => onEdit('directorate')}
                  aria-label={`Direzione competente per ${c.code}`}
                >
                  Direzione
                </Button>
              </>
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
        ) : null}
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
      <SaveOrCancel saving={fetching} onCancel={onDone} />
    </form>
  );
}

/** Where forwarded quesiti of the classification go: a central directorate, or the default (the first). */
function DirectorateForm(props: {
  classification: Classification;
  directorates: readonly Directorate[];
  onDone: () => void;
}) {
  const { classification: c, directorates, onDone } = props;
  const [code, setCode] = useState(c.competentDirectorate?.code ?? '');
  const [{ fetching, error }, save] = useMutation(ClassificationDirectorateMutation);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await save({ id: c.id, directorateCode: code || null }, CLASSIFICATIONS_CONTEXT);
    if (result.data) onDone();
  };
  return (
    <form onSubmit={submit} noValidate aria-label={`Direzione competente per ${c.code}`} className="text-start">
      <SelectField label="Direzione centrale" value={code} onChange={setCode}>
        <option value="">Predefinita (la prima Direzione centrale)</option>
        {directorates.map((d) => (
          <option key={d.code} value={d.code}>
            {d.name}
          </option>
        ))}
      </SelectField>
      <MutationError error={error} headingLevel={4} />
      <SaveOrCancel saving={fetching} onCancel={onDone} />
    </form>
  );
}

/** The two buttons of a change made in place in a row. */
function SaveOrCancel({ saving, onCancel }: { saving: boolean; onCancel: () => void }) {
  return (
    <div className="d-flex gap-2">
      <Button color="primary" size="xs" type="submit" disabled={saving}>
        Salva
      </Button>
      <Button color="secondary" outline size="xs" type="button" onClick={onCancel}>
        Annulla
      </Button>
    </div>
  );
}

import { Button } from 'design-react-kit';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { hasErrorCode } from '../../shared/api/errors';
import { ROLE_LABELS, describeAssignment } from '../auth';
import { EmptyState } from '../../shared/components/EmptyState';
import { ErrorDisplay } from '../../shared/components/ErrorDisplay';
import { Loading } from '../../shared/components/Loading';
import { LoadMore } from '../../shared/components/LoadMore';
import { SortableHeader, useSortOrder } from '../../shared/components/SortableHeader';
import type { PersonOrderField } from '../../gql/graphql';
import { SelectField } from '../../shared/components/SelectField';
import { TextField } from '../../shared/components/TextField';
import { useConnectionQuery } from '../../shared/components/useConnectionQuery';
import { usePageTitle } from '../../shared/components/usePageTitle';
import type { PeopleFilterInput, Role } from '../../gql/graphql';
import { OrgTabs, unitChoiceLabel, useVisibleUnits, type UnitChoice, NEW_PERSON_PATH, personPath } from '../org';
import { ALL_ROLES } from './grants';
import { PersonListQuery } from './operations';

export interface PeopleFilterForm {
  search: string;
  unitCode: string;
  role: Role | '';
}

const EMPTY_FILTERS: PeopleFilterForm = { search: '', unitCode: '', role: '' };

/** The filter as the API takes it: only what was given. */
export function buildPeopleFilter(form: PeopleFilterForm): PeopleFilterInput {
  const filter: PeopleFilterInput = {};
  const search = form.search.trim();
  if (search) filter.search = search;
  if (form.unitCode) filter.unitCode = form.unitCode;
  if (form.role) filter.role = form.role;
  return filter;
}

// The applied filters live in the address (q, unita, ruolo): a search can be
// bookmarked, and survives being sent to sign-in and back.
function filtersFrom(params: URLSearchParams): PeopleFilterForm {
  const role = params.get('ruolo') ?? '';
  return {
    search: params.get('q') ?? '',
    unitCode: params.get('unita') ?? '',
    role: (ALL_ROLES as readonly string[]).includes(role) ? (role as Role) : '',
  };
}

function paramsFrom(form: PeopleFilterForm): Record<string, string> {
  const params: Record<string, string> = {};
  if (form.search.trim()) params.q = form.search.trim();
  if (form.unitCode) params.unita = form.unitCode;
  if (form.role) params.ruolo = form.role;
  return params;
}

/** The people the signed-in admin or regional director manages, with search and filters. */
export function PeoplePage() {
  usePageTitle('Persone');
  const [searchParams, setSearchParams] = useSearchParams();
  const applied = filtersFrom(searchParams);
  const units = useVisibleUnits();

  const { order, sortBy } = useSortOrder<PersonOrderField>({ field: 'DISPLAY_NAME', direction: 'ASC' });
  const { nodes, fetching, error, hasNextPage, totalCount, loadMore, refresh } = useConnectionQuery({
    query: PersonListQuery,
    variables: { filter: buildPeopleFilter(applied), orderBy: order },
    connection: (data) => data.people,
    pageSize: 25,
  });
  const blocked = hasErrorCode(error, 'FORBIDDEN') || hasErrorCode(error, 'NOT_FOUND');
  const people = blocked ? [] : nodes;
  const filtered = Object.keys(buildPeopleFilter(applied)).length > 0;

  const apply = (form: PeopleFilterForm) => setSearchParams(paramsFrom(form));

  return (
    <>
      <h1>Persone</h1>
      <OrgTabs />
      <div className="d-flex flex-wrap justify-content-between align-items-center gap-3 mb-3">
        <p className="mb-0">Le persone con un ruolo nelle unità che gestisci.</p>
        <Link to={NEW_PERSON_PATH} className="btn btn-primary btn-sm">
          Nuova persona
        </Link>
      </div>

      <PeopleFilters
        key={searchParams.toString()}
        initial={applied}
        units={units.units}
        unitsLoading={units.loading}
        onApply={apply}
      />

      <ErrorDisplay error={units.error} headingLevel={2} onRetry={units.refresh} />
      <ErrorDisplay error={error} headingLevel={2} onRetry={blocked ? undefined : refresh} />
      {people.length === 0 && fetching ? <Loading label="Caricamento delle persone…" /> : null}
      {people.length === 0 && !fetching && !error ? (
        <EmptyState title={filtered ? 'Nessuna persona corrisponde ai filtri' : 'Nessuna persona da mostrare'}>
          {filtered ? 'Cambia o azzera i filtri.' : null}
        </EmptyState>
      ) : null}

      {people.length > 0 ? (
        <>
          <div className="table-responsive">
            <table className="table">
              <caption className="visually-hidden">Persone{filtered ? ' (filtrate)' : ''}</caption>
              <thead>
                <tr>
                  <SortableHeader field="DISPLAY_NAME" order={order} onSort={sortBy}>
                    Nome
                  </SortableHeader>
                  <SortableHeader field="USERNAME" order={order} onSort={sortBy}>
                    Nome utente
                  </SortableHeader>
                  <th scope="col">Ruoli</th>
                  <th scope="col">Stato</th>
                </tr>
              </thead>
              <tbody>
                {people.map((person) => (
                  <tr key={person.id}>
                    <td>
                      <Link to={personPath(person.username)}>{person.displayName}</Link>
                    </td>
                    <td>{person.username}</td>
                    <td>
                      <ul className="list-unstyled mb-0">
                        {person.assignments.map((assignment) => (
                          <li key={assignment.id}>
                            {describeAssignment({
                              role: assignment.role,
                              unitName: assignment.unit?.name,
                              unitCode: assignment.unit?.code,
                              section: assignment.section,
                            })}
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td>{person.active ? 'Attiva' : <span className="badge bg-secondary">Disattivata</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <LoadMore
            hasNextPage={hasNextPage}
            fetching={fetching}
            onLoadMore={loadMore}
            shown={people.length}
            total={blocked ? undefined : totalCount}
          />
        </>
      ) : null}
    </>
  );
}

interface PeopleFiltersProps {
  initial: PeopleFilterForm;
  units: readonly UnitChoice[];
  unitsLoading: boolean;
  onApply: (form: PeopleFilterForm) => void;
}

/** Search, unit and role; applied with "Cerca". */
export function PeopleFilters({ initial, units, unitsLoading, onApply }: PeopleFiltersProps) {
  const [form, setForm] = useState<PeopleFilterForm>(initial);
  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onApply(form);
  };
  const reset = () => {
    setForm(EMPTY_FILTERS);
    onApply(EMPTY_FILTERS);
  };
  return (
    <form onSubmit={apply} role="search" aria-label="Filtra le persone" className="mt-4 mb-4">
      <div className="row">
        <div className="col-md-4">
          <TextField
            label="Cerca"
            hint="Parte del nome o del nome utente"
            value={form.search}
            onChange={(search) => setForm({ ...form, search })}
            type="search"
            autoComplete="off"
          />
        </div>
        <div className="col-md-4">
          <SelectField
            label="Unità"
            value={form.unitCode}
            onChange={(unitCode) => setForm({ ...form, unitCode })}
            hint={unitsLoading ? 'Caricamento delle unità…' : 'Persone con un ruolo proprio su questa unità'}
          >
            <option value="">Tutte le unità</option>
            {units.map((unit) => (
              <option key={unit.code} value={unit.code}>
                {unitChoiceLabel(unit)}
              </option>
            ))}
            {form.unitCode && !units.some((unit) => unit.code === form.unitCode) ? (
              <option value={form.unitCode}>{form.unitCode}</option>
            ) : null}
          </SelectField>
        </div>
        <div className="col-md-4">
          <SelectField
            label="Ruolo"
            value={form.role}
            onChange={(role) => setForm({ ...form, role: role as Role | '' })}
          >
            <option value="">Tutti i ruoli</option>
            {ALL_ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </SelectField>
        </div>
      </div>
      <div className="d-flex gap-2">
        <Button color="primary" size="sm" type="submit">
          Cerca
        </Button>
        <Button color="secondary" outline size="sm" type="button" onClick={reset}>
          Azzera filtri
        </Button>
      </div>
    </form>
  );
}

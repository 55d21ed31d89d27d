import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { ErrorDisplay } from '../../shared/components/ErrorDisplay';
import { Loading } from '../../shared/components/Loading';
import { SelectField } from '../../shared/components/SelectField';
import { TextField } from '../../shared/components/TextField';
import { usePageTitle } from '../../shared/components/usePageTitle';
import { UNIT_KIND_LABELS, unitChoiceLabel, useVisibleUnits, type UnitChoice } from '../org';
import { ClosuresPanel } from './ClosuresPanel';
import { FunctionMailboxForm } from './FunctionMailboxForm';
import { HoursEditor } from './HoursEditor';
import { UnitCalendarShowQuery } from './operations';

export const CALENDAR_PATH = '/orari';

/** The units that have a calendar of their own to manage: offices and provincial directorates. */
const CALENDAR_KINDS: readonly UnitChoice['kind'][] = ['TERRITORIAL_OFFICE', 'PROVINCIAL_DIRECTORATE'];

/** The units whose name, code or kind contain every word typed, in the order given. */
export function filterUnits(units: readonly UnitChoice[], search: string): UnitChoice[] {
  const words = search.toLocaleLowerCase('it').split(/\s+/).filter(Boolean);
  return units.filter((unit) => {
    const text = `${unit.name} ${unit.code} ${UNIT_KIND_LABELS[unit.kind]}`.toLocaleLowerCase('it');
    return words.every((word) => text.includes(word));
  });
}

/** "Orari e chiusure": a director picks an office or DP and edits its weekly hours and closures. */
export function UnitCalendarPage() {
  usePageTitle('Orari e chiusure');
  const [params, setParams] = useSearchParams();
  const unitCode = params.get('unita') ?? '';
  const { units: visible, loading, error, refresh } = useVisibleUnits();
  const units = visible.filter((unit) => CALENDAR_KINDS.includes(unit.kind));
  const unit = units.find((u) => u.code === unitCode);
  // The only unit a person may pick is picked for them.
  const only = !loading && units.length === 1 ? units[0] : undefined;
  const chosen = unit ?? only;

  return (
    <>
      <h1>Orari e chiusure</h1>
      <p>Scegli un ufficio o una direzione provinciale per vederne e modificarne l&apos;orario e le chiusure.</p>
      <ErrorDisplay error={error} headingLevel={2} onRetry={refresh} />
      <UnitPicker
        units={units}
        loading={loading}
        value={chosen?.code ?? ''}
        onChange={(code) => setParams(code ? { unita: code } : {}, { replace: true })}
      />
      {chosen ? <UnitCalendar key={chosen.code} unit={chosen} /> : null}
    </>
  );
}

/** A searchable select: "Cerca" narrows the list, the select picks by name. */
function UnitPicker({
  units,
  loading,
  value,
  onChange,
}: {
  units: readonly UnitChoice[];
  loading: boolean;
  value: string;
  onChange: (code: string) => void;
}) {
  const [search, setSearch] = useState('');
  const matching = filterUnits(units, search);
  const selected = units.find((unit) => unit.code === value);
  // The chosen unit stays in the list even when the search leaves it out.
  const options = selected && !matching.includes(selected) ? [selected, ...matching] : matching;
  return (
    <div className="row mt-5" role="group" aria-label="Scelta dell'unità">
      <div className="col-md-5">
        <TextField
          label="Cerca unità"
          type="search"
          value={search}
          onChange={setSearch}
          hint="Parte del nome o del codice, per esempio «Cagliari»"
          autoComplete="off"
        />
      </div>
      <div className="col-md-7">
        <SelectField
          label="Unità"
          value={value}
          onChange={onChange}
          hint={
            loading
              ? 'Caricamento delle unità…'
              : `${matching.length} unità su ${units.length} corrispondono alla ricerca`
          }
        >
          {selected ? null : <option value="">{loading ? 'Caricamento…' : "Scegli un'unità"}</option>}
          {options.map((unit) => (
            <option key={unit.code} value={unit.code}>
              {unitChoiceLabel(unit)} — {UNIT_KIND_LABELS[unit.kind]}
            </option>
          ))}
        </SelectField>
      </div>
    </div>
  );
}

function UnitCalendar({ unit }: { unit: UnitChoice }) {
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: UnitCalendarShowQuery,
    variables: { unitCode: unit.code },
  });
  const reload = () => reexecute({ requestPolicy: 'network-only' });
  const calendar = data?.unitCalendar;
  // Kept here, not in the editor: the editor starts afresh (its key) once the saved hours reload,
  // and the confirmation went with it before the person could read it.
  const [savedHours, setSavedHours] = useState<string | null>(null);
  return (
    <section aria-label={`Calendario di ${unit.name}`} className="mt-4">
      <ErrorDisplay error={error} headingLevel={2} onRetry={reload} headings={{ NOT_FOUND: 'Unità non trovata' }} />
      {fetching && !data ? <Loading /> : null}
      {calendar ? (
        <>
          <p className="lead">
            Orario attuale di {unit.name}: <strong>{calendar.hoursText || 'nessun orario impostato'}</strong>
          </p>
          <HoursEditor
            key={calendar.hours.map((h) => `${h.weekday}${h.opens}${h.closes}`).join()}
            unitCode={unit.code}
            hours={calendar.hours}
            onSaved={(hoursText) => {
              setSavedHours(hoursText);
              reload();
            }}
            onReload={reload}
          />
          <div aria-live="polite">
            {savedHours !== null ? (
              <p className="alert alert-success">Orari salvati: {savedHours || 'nessun orario'}.</p>
            ) : null}
          </div>
          <ClosuresPanel unitCode={unit.code} unitId={unit.id} closures={calendar.closures} onChanged={reload} />
          {unit.kind === 'TERRITORIAL_OFFICE' ? <FunctionMailboxForm officeCode={unit.code} /> : null}
        </>
      ) : null}
    </section>
  );
}

import { Button } from 'design-react-kit';
import { useState } from 'react';
import { useQuery } from 'urql';
import { ErrorDisplay } from '../../shared/components/ErrorDisplay';
import { SelectField } from '../../shared/components/fields';
import { addDays, formatTime, todayInRome } from '../../shared/format/calendar';
import { FreeSlotsQuery } from './operations';
import { CUP_WINDOW_DAYS, groupSlotsByDay, italianDay, type Slot } from './slots';

/** Days asked for at a time (the API's most). */
const PAGE_DAYS = 14;

/**
 * Picks a free slot of an office for a service: the days with free slots over the next two weeks
 * (then the following ones, up to the CUP window), and a time of the day picked. Only what the
 * server offers — within the office's hours, not on its closed days, not already booked — can be
 * chosen; nothing is typed.
 */
export function SlotPicker({
  officeCode,
  serviceCode,
  value,
  onChange,
  error,
}: {
  officeCode: string;
  serviceCode: string;
  value: Slot | null;
  onChange: (slot: Slot | null) => void;
  error?: string;
}) {
  const today = todayInRome();
  const [page, setPage] = useState(0);
  const from = addDays(today, page * PAGE_DAYS);
  const last = addDays(today, CUP_WINDOW_DAYS);
  const to = [addDays(from, PAGE_DAYS - 1), last].sort()[0];
  const [{ data, fetching, error: queryError }] = useQuery({
    query: FreeSlotsQuery,
    variables: { officeCode, serviceCode, from, to },
    // Slots are taken all the time, by others too: never offer a remembered list.
    requestPolicy: 'network-only',
  });
  const days = groupSlotsByDay(data?.freeSlots ?? []);
  const day = days.find((d) => d.date === value?.date);
  const turnPage = (next: number) => {
    setPage(next);
    onChange(null);
  };

  return (
    <fieldset className="mb-2">
      <legend className="h6">Giorno e orario liberi</legend>
      <ErrorDisplay error={queryError} headingLevel={4} />
      {fetching && !data ? <p>Ricerca degli orari liberi…</p> : null}
      {data && days.length === 0 ? (
        <p>
          Nessun orario libero dal {italianDay(from)} al {italianDay(to)}.
        </p>
      ) : null}
      {days.length > 0 ? (
        <div className="row">
          <div className="col-md-6">
            <SelectField
              label="Giorno *"
              value={value?.date ?? ''}
              onChange={(date) => onChange(date ? { date, time: '' } : null)}
              error={!value?.date ? error : undefined}
            >
              <option value="">Scegli il giorno</option>
              {days.map((d) => (
                <option key={d.date} value={d.date}>
                  {italianDay(d.date)} — {d.times.length} {d.times.length === 1 ? 'orario libero' : 'orari liberi'}
                </option>
              ))}
            </SelectField>
          </div>
          <div className="col-md-6">
            <SelectField
              label="Orario *"
              value={value?.time ?? ''}
              onChange={(time) => value && onChange({ date: value.date, time })}
              disabled={!day}
              error={value?.date && !value.time ? error : undefined}
            >
              <option value="">{day ? "Scegli l'orario" : 'Prima scegli il giorno'}</option>
              {(day?.times ?? []).map((time) => (
                <option key={time} value={time}>
                  {formatTime(time)}
                </option>
              ))}
            </SelectField>
          </div>
        </div>
      ) : null}
      <div className="d-flex flex-wrap gap-2">
        {page > 0 ? (
          <Button color="secondary" outline size="xs" type="button" onClick={() => turnPage(page - 1)}>
            Giorni precedenti
          </Button>
        ) : null}
        {to < last ? (
          <Button color="secondary" outline size="xs" type="button" onClick={() => turnPage(page + 1)}>
            Giorni successivi
          </Button>
        ) : null}
      </div>
    </fieldset>
  );
}

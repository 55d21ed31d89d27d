import { Button } from 'design-react-kit';
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { CHANNEL_LABELS } from '../appointments';
import { todayInRome } from '../../shared/format/calendar';
import { ErrorDisplay } from '../../shared/components/ErrorDisplay';
import { TextField } from '../../shared/components/TextField';
import { useDraft } from '../../shared/forms/useDraft';
import { ServiceListQuery } from '../services';
import { addDays, CUP_WINDOW_DAYS, REASON_MAX, validateConversion, type ConversionValues } from './conversion';
import { SelectField, TextAreaField } from '../../shared/components/fields';
import { QuesitoConvertMutation } from './operations';
import { onlyFieldErrors, serverFieldErrors, type FieldErrors } from '../../shared/validation/fieldErrors';

export interface ConversionOffice {
  code: string;
  name: string;
  virtualCounter: boolean;
}

interface Props {
  id: string;
  offices: readonly ConversionOffice[];
  onDone: () => void;
  /** Shows a CONFLICT (someone changed the quesito first) with a reload button. */
  renderError: (error: CombinedError | undefined) => React.ReactNode;
}

const FIELDS: readonly (keyof ConversionValues)[] = [
  'reason',
  'officeCode',
  'serviceCode',
  'date',
  'time',
  'citizenName',
  'cupNumber',
  'channel',
];

const EMPTY: ConversionValues = {
  reason: '',
  officeCode: '',
  serviceCode: '',
  date: '',
  time: '',
  citizenName: '',
  cupNumber: '',
  channel: 'IN_PERSON',
};

/**
 * Turns a quesito into an office appointment (docs/domain.md §4.3: the paper file
 * must be rebuilt at an office of the region). Booking and conversion happen
 * together on the server: either both or neither.
 */
export function ConvertForm({ id, offices, onDone, renderError }: Props) {
  const [draft, setDraft, discard] = useDraft<ConversionValues>(`quesito-convert:${id}`, EMPTY);
  const [errors, setErrors] = useState<FieldErrors<ConversionValues>>({});
  const [services] = useQuery({ query: ServiceListQuery });
  const [{ fetching, error }, convert] = useMutation(QuesitoConvertMutation);
  const today = todayInRome();
  const office = offices.find((o) => o.code === draft.officeCode);

  const set = <K extends keyof ConversionValues>(field: K, value: ConversionValues[K]) => {
    const next = { ...draft, [field]: value };
    // Only an office with the virtual counter offers the virtual channel.
    if (field === 'officeCode' && !offices.find((o) => o.code === value)?.virtualCounter) next.channel = 'IN_PERSON';
    setDraft(next);
    if (errors[field]) setErrors({ ...errors, [field]: undefined });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (fetching) return;
    const found = validateConversion(draft, today);
    setErrors(found);
    const first = FIELDS.find((field) => found[field]);
    if (first) {
      (document.querySelector(`[data-field="convert-${first}"]`) as HTMLElement | null)?.focus();
      return;
    }
    const result = await convert({
      id,
      input: {
        reason: draft.reason.trim(),
        officeCode: draft.officeCode,
        serviceCode: draft.serviceCode,
        date: draft.date,
        time: `${draft.time}:00`,
        citizenName: draft.citizenName.trim(),
        cupNumber: draft.cupNumber.trim() || null,
        channel: draft.channel,
      },
    });
    if (result.data) {
      discard();
      onDone();
      return;
    }
    setErrors(serverFieldErrors(result.error) as FieldErrors<ConversionValues>);
  };

  const fieldErrors = { ...serverFieldErrors(error), ...errors } as FieldErrors<ConversionValues>;
  const activeServices = (services.data?.services ?? []).filter((s) => s.active);

  return (
    <form id="quesito-convert-form" onSubmit={submit} noValidate className="mt-4" aria-label="Converti in appuntamento">
      {error && !onlyFieldErrors(error, FIELDS) ? renderError(error) : null}
      <p>
        Il cittadino sarà ricevuto in un ufficio della regione del quesito; i suoi recapiti sono quelli del quesito.
      </p>
      <TextAreaField
        label="Motivo *"
        value={draft.reason}
        onChange={(value) => set('reason', value)}
        error={fieldErrors.reason}
        hint="Perché il fascicolo cartaceo va ricostruito in ufficio."
        maxLength={REASON_MAX}
        rows={3}
        data-field="convert-reason"
        required
      />
      <div className="row">
        <div className="col-md-6">
          <SelectField
            label="Ufficio *"
            value={draft.officeCode}
            onChange={(value) => set('officeCode', value)}
            error={fieldErrors.officeCode}
            data-field="convert-officeCode"
            required
          >
            <option value="">Scegli l'ufficio</option>
            {offices.map((o) => (
              <option key={o.code} value={o.code}>
                {o.name}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="col-md-6">
          <SelectField
            label="Servizio *"
            value={draft.serviceCode}
            onChange={(value) => set('serviceCode', value)}
            error={fieldErrors.serviceCode}
            data-field="convert-serviceCode"
            required
          >
            <option value="">{services.fetching ? 'Caricamento…' : 'Scegli il servizio'}</option>
            {activeServices.map((s) => (
              <option key={s.code} value={s.code}>
                {s.name}
              </option>
            ))}
          </SelectField>
          {services.error ? <ErrorDisplay error={services.error} headingLevel={3} /> : null}
        </div>
      </div>
      <div className="row">
        <div className="col-md-4">
          <TextField
            type="date"
            label="Giorno *"
            value={draft.date}
            onChange={(value) => set('date', value)}
            error={fieldErrors.date}
            hint={`Entro ${CUP_WINDOW_DAYS} giorni da oggi.`}
            min={today}
            max={addDays(today, CUP_WINDOW_DAYS)}
            data-field="convert-date"
            required
          />
        </div>
        <div className="col-md-4">
          <TextField
            type="time"
            label="Ora *"
            value={draft.time}
            onChange={(value) => set('time', value)}
            error={fieldErrors.time}
            data-field="convert-time"
            required
          />
        </div>
        <div className="col-md-4">
          <SelectField
            label="Canale"
            value={draft.channel}
            onChange={(value) => set('channel', value as ConversionValues['channel'])}
            data-field="convert-channel"
          >
            <option value="IN_PERSON">{CHANNEL_LABELS.IN_PERSON}</option>
            {office?.virtualCounter ? <option value="VIRTUAL">{CHANNEL_LABELS.VIRTUAL}</option> : null}
          </SelectField>
        </div>
      </div>
      <div className="row">
        <div className="col-md-6">
          <TextField
            label="Cognome e nome del cittadino *"
            value={draft.citizenName}
            onChange={(value) => set('citizenName', value)}
            error={fieldErrors.citizenName}
            autoComplete="off"
            data-field="convert-citizenName"
            required
          />
        </div>
        <div className="col-md-6">
          <TextField
            label="Numero di prenotazione CUP"
            value={draft.cupNumber}
            onChange={(value) => set('cupNumber', value)}
            error={fieldErrors.cupNumber}
            hint="Se vuoto, ne viene generato uno."
            data-field="convert-cupNumber"
          />
        </div>
      </div>
      <Button color="primary" type="submit" disabled={fetching} aria-busy={fetching}>
        {fetching ? 'Prenotazione in corso…' : 'Prenota e converti'}
      </Button>
    </form>
  );
}

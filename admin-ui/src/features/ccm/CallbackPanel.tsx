import { Alert, Button } from 'design-react-kit';
import { useState } from 'react';
import { useMutation } from 'urql';
import { ErrorDisplay } from '../../shared/components/ErrorDisplay';
import { TextField } from '../../shared/components/TextField';
import { normalizePhone, phoneProblem } from '../../shared/validation/contact';
import { onlyFieldErrors, serverFieldErrors } from '../../shared/validation/fieldErrors';
import { NO_REGION_UNIT, RegionUnitPicker, type RegionUnitValue } from '../org';
import { CallbackRequestMutation } from './operations';

/** The callback request a contact produced, as the contact form keeps it (its id is never shown). */
export interface RequestedCallback {
  id: string;
  /** The provincial directorate that will call back, by name. */
  summary: string;
}

const FIELDS = ['unitCode', 'phone', 'topic'];

/**
 * Asks a provincial directorate, picked by region and name, to call the citizen back (served from
 * 09:00 to 13:00 on working days). Part of the contact form: the contact's topic is the request's.
 */
export function CallbackPanel({
  topic,
  requested,
  onRequested,
}: {
  topic: string;
  requested: RequestedCallback | null;
  onRequested: (callback: RequestedCallback) => void;
}) {
  const [place, setPlace] = useState<RegionUnitValue>(NO_REGION_UNIT);
  const [phone, setPhone] = useState('');
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [{ fetching, error }, request] = useMutation(CallbackRequestMutation);

  if (requested) {
    return (
      <Alert color="success" fade={false}>
        Richiamata richiesta a {requested.summary}. Registra il contatto per collegarla.
      </Alert>
    );
  }

  const submit = async () => {
    const found: Record<string, string | undefined> = {};
    if (!place.unit) found.unitCode = 'Scegli la regione e la direzione provinciale.';
    found.phone = phone.trim() ? (phoneProblem(phone) ?? undefined) : 'Scrivi il numero da richiamare.';
    if (!topic.trim()) found.topic = "Scrivi nel contatto l'argomento: è quello della richiamata.";
    setErrors(found);
    if (Object.values(found).some(Boolean) || !place.unit) return;
    const result = await request({
      input: { unitCode: place.unit.code, phone: normalizePhone(phone), topic: topic.trim() },
    });
    const callback = result.data?.requestCallback;
    if (callback) {
      onRequested({ id: callback.id, summary: callback.unit?.name ?? place.unit.name });
      setPlace(NO_REGION_UNIT);
      setPhone('');
    } else {
      setErrors(serverFieldErrors(result.error));
    }
  };

  const fieldErrors: Record<string, string | undefined> = { ...serverFieldErrors(error), ...errors };
  return (
    <fieldset className="mb-4" aria-labelledby="callback-panel-heading">
      <h3 id="callback-panel-heading" className="h5">
        Richiedi una richiamata
      </h3>
      <p className="small">Le richiamate si fanno dalle 9:00 alle 13:00 dei giorni lavorativi.</p>
      {error && !onlyFieldErrors(error, FIELDS) ? <ErrorDisplay error={error} headingLevel={4} /> : null}
      {fieldErrors.topic ? <p className="text-danger">{fieldErrors.topic}</p> : null}
      <RegionUnitPicker
        purpose="CALLBACK"
        unitLabel="Direzione provinciale"
        value={place}
        onChange={(next) => {
          setPlace(next);
          setErrors({});
        }}
        error={fieldErrors.unitCode}
      />
      <TextField
        label="Telefono da richiamare *"
        type="tel"
        value={phone}
        onChange={(value) => {
          setPhone(value);
          setErrors({});
        }}
        error={fieldErrors.phone}
        autoComplete="off"
      />
      <Button color="primary" outline type="button" onClick={submit} disabled={fetching} aria-busy={fetching}>
        {fetching ? 'Invio in corso…' : 'Richiedi la richiamata'}
      </Button>
    </fieldset>
  );
}

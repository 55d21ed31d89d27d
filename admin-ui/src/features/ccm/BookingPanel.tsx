import { Alert, Button } from 'design-react-kit';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import type { AppointmentChannel } from '../../gql/graphql';
import { ErrorDisplay } from '../../shared/components/ErrorDisplay';
import { SelectField } from '../../shared/components/fields';
import { TextField } from '../../shared/components/TextField';
import { formatTime } from '../../shared/format/calendar';
import { emailProblem, normalizePhone, phoneProblem } from '../../shared/validation/contact';
import { onlyFieldErrors, serverFieldErrors } from '../../shared/validation/fieldErrors';
import { AppointmentBookMutation, CHANNEL_LABELS, italianDay, SlotPicker, type Slot } from '../appointments';
import { NO_REGION_UNIT, RegionUnitPicker, type RegionUnitValue } from '../org';
import { ServiceListQuery } from '../services';

/** The booking a contact produced, as the contact form keeps it (its id is never shown). */
export interface BookedAppointment {
  id: string;
  /** `UT Sassari, lunedì 28/12/2026 alle 09:00 — Dichiarazione di successione (n. ACC-…)`. */
  summary: string;
}

interface BookingDraft {
  place: RegionUnitValue;
  serviceCode: string;
  slot: Slot | null;
  channel: AppointmentChannel;
  citizenName: string;
  phone: string;
  email: string;
}

const BLANK: BookingDraft = {
  place: NO_REGION_UNIT,
  serviceCode: '',
  slot: null,
  channel: 'IN_PERSON',
  citizenName: '',
  phone: '',
  email: '',
};

const FIELDS = ['officeCode', 'serviceCode', 'date', 'time', 'fiscalCode', 'citizenName', 'phone', 'email', 'channel'];

/**
 * Books an appointment for the contact's citizen: region → office by name → service → a free slot
 * (the server offers only times within the office's hours that nobody has taken), then who to
 * expect. Part of the contact form, so a button rather than a form of its own.
 */
export function BookingPanel({
  citizenFiscalCode,
  booked,
  onBooked,
}: {
  /** The contact's fiscal code when valid (normalised), else empty. */
  citizenFiscalCode: string;
  booked: BookedAppointment | null;
  onBooked: (appointment: BookedAppointment) => void;
}) {
  const [draft, setDraft] = useState<BookingDraft>(BLANK);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [services] = useQuery({ query: ServiceListQuery });
  const [{ fetching, error }, book] = useMutation(AppointmentBookMutation);

  if (booked) {
    return (
      <Alert color="success" fade={false}>
        Appuntamento prenotato: {booked.summary}. Registra il contatto per collegarlo.
      </Alert>
    );
  }

  const set = (patch: Partial<BookingDraft>) => {
    setDraft({ ...draft, ...patch });
    setErrors({});
  };
  // Fast services are given without booking (docs/domain.md §5.1).
  const bookable = (services.data?.services ?? []).filter((s) => s.active && !s.fast);
  const office = draft.place.unit;

  const submit = async () => {
    const found: Record<string, string | undefined> = {};
    if (!citizenFiscalCode)
      found.fiscalCode = 'Scrivi nel contatto il codice fiscale del cittadino: serve a prenotare.';
    if (!office) found.officeCode = "Scegli la regione e l'ufficio.";
    if (!draft.serviceCode) found.serviceCode = 'Scegli il servizio.';
    if (!draft.slot?.date || !draft.slot.time) found.slot = "Scegli il giorno e l'orario.";
    if (!draft.citizenName.trim()) found.citizenName = 'Scrivi cognome e nome del cittadino.';
    if (draft.phone.trim()) found.phone = phoneProblem(draft.phone) ?? undefined;
    if (draft.email.trim()) found.email = emailProblem(draft.email) ?? undefined;
    setErrors(found);
    if (Object.values(found).some(Boolean) || !office || !draft.slot) return;
    const result = await book({
      input: {
        officeCode: office.code,
        serviceCode: draft.serviceCode,
        date: draft.slot.date,
        time: draft.slot.time,
        fiscalCode: citizenFiscalCode,
        citizenName: draft.citizenName.trim(),
        phone: draft.phone.trim() ? normalizePhone(draft.phone) : null,
        email: draft.email.trim() || null,
        channel: draft.channel,
      },
    });
    const a = result.data?.bookAppointment;
    if (a) {
      const where = a.office?.name ?? office.name;
      const what = a.service?.name ? ` — ${a.service.name}` : '';
      onBooked({
        id: a.id,
        summary: `${where}, ${italianDay(a.date)} alle ${formatTime(a.time)}${what} (n. ${a.cupNumber})`,
      });
      setDraft(BLANK);
    } else {
      setErrors(serverFieldErrors(result.error));
    }
  };

  const fieldErrors: Record<string, string | undefined> = { ...serverFieldErrors(error), ...errors };
  const slotError = fieldErrors.slot ?? fieldErrors.date ?? fieldErrors.time;
  return (
    <fieldset className="mb-4" aria-labelledby="booking-panel-heading">
      <h3 id="booking-panel-heading" className="h5">
        Prenota un appuntamento
      </h3>
      {error && !onlyFieldErrors(error, FIELDS) ? <ErrorDisplay error={error} headingLevel={4} /> : null}
      {fieldErrors.fiscalCode ? <p className="text-danger">{fieldErrors.fiscalCode}</p> : null}
      <RegionUnitPicker
        purpose="BOOKING"
        unitLabel="Ufficio"
        value={draft.place}
        onChange={(place) =>
          set({ place, slot: null, channel: place.unit?.virtualCounter ? draft.channel : 'IN_PERSON' })
        }
        error={fieldErrors.officeCode}
      />
      <SelectField
        label="Servizio *"
        value={draft.serviceCode}
        onChange={(serviceCode) => set({ serviceCode, slot: null })}
        error={fieldErrors.serviceCode}
      >
        <option value="">{services.fetching ? 'Caricamento…' : 'Scegli il servizio'}</option>
        {bookable.map((s) => (
          <option key={s.code} value={s.code}>
            {s.name}
          </option>
        ))}
      </SelectField>
      {office && draft.serviceCode ? (
        <SlotPicker
          officeCode={office.code}
          serviceCode={draft.serviceCode}
          value={draft.slot}
          onChange={(slot) => set({ slot })}
          error={slotError}
        />
      ) : null}
      <div className="row">
        <div className="col-md-6">
          <TextField
            label="Cognome e nome del cittadino *"
            value={draft.citizenName}
            onChange={(citizenName) => set({ citizenName })}
            error={fieldErrors.citizenName}
            autoComplete="off"
          />
        </div>
        <div className="col-md-6">
          <SelectField
            label="Canale"
            value={draft.channel}
            onChange={(channel) => set({ channel: channel as AppointmentChannel })}
            error={fieldErrors.channel}
          >
            <option value="IN_PERSON">{CHANNEL_LABELS.IN_PERSON}</option>
            {office?.virtualCounter ? <option value="VIRTUAL">{CHANNEL_LABELS.VIRTUAL}</option> : null}
          </SelectField>
        </div>
      </div>
      <div className="row">
        <div className="col-md-6">
          <TextField
            label="Telefono"
            type="tel"
            value={draft.phone}
            onChange={(phone) => set({ phone })}
            error={fieldErrors.phone}
            autoComplete="off"
          />
        </div>
        <div className="col-md-6">
          <TextField
            label="E-mail"
            type="email"
            value={draft.email}
            onChange={(email) => set({ email })}
            error={fieldErrors.email}
            autoComplete="off"
          />
        </div>
      </div>
      <Button color="primary" outline type="button" onClick={submit} disabled={fetching} aria-busy={fetching}>
        {fetching ? 'Prenotazione in corso…' : "Prenota l'appuntamento"}
      </Button>
    </fieldset>
  );
}

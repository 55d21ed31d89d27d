import { useQuery } from 'urql';
import { APPOINTMENT_STATUS_LABELS, CHANNEL_LABELS } from '../appointments';
import { formatDateTime } from '../../shared/format/calendar';
import { ErrorDisplay } from '../../shared/components/ErrorDisplay';
import { Loading } from '../../shared/components/Loading';
import { QuesitoAppointmentQuery } from './operations';

/** The office appointment a quesito was converted to: where, when, for what. */
export function ConvertedAppointment({ id }: { id: string }) {
  const [{ data, fetching, error }] = useQuery({ query: QuesitoAppointmentQuery, variables: { id } });
  const appointment = data?.appointment;
  return (
    <section aria-labelledby="quesito-appointment-heading" className="my-4">
      <h2 id="quesito-appointment-heading" className="h4">
        Appuntamento
      </h2>
      {fetching ? <Loading /> : null}
      <ErrorDisplay error={error} headingLevel={3} headings={{ NOT_FOUND: "L'appuntamento non è visibile" }} />
      {appointment ? (
        <dl className="row" data-testid="quesito-appointment">
          <dt className="col-sm-3">Ufficio</dt>
          <dd className="col-sm-9">{appointment.office?.name ?? '—'}</dd>
          <dt className="col-sm-3">Quando</dt>
          <dd className="col-sm-9">{formatDateTime(appointment.startsAt)}</dd>
          <dt className="col-sm-3">Servizio</dt>
          <dd className="col-sm-9">{appointment.service?.name ?? '—'}</dd>
          <dt className="col-sm-3">Canale</dt>
          <dd className="col-sm-9">{CHANNEL_LABELS[appointment.channel]}</dd>
          <dt className="col-sm-3">Prenotazione CUP</dt>
          <dd className="col-sm-9">{appointment.cupNumber}</dd>
          <dt className="col-sm-3">Stato</dt>
          <dd className="col-sm-9">{APPOINTMENT_STATUS_LABELS[appointment.status]}</dd>
        </dl>
      ) : null}
    </section>
  );
}

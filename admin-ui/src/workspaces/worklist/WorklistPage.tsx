import { Badge, Button } from 'design-react-kit';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ConfirmDialog } from '../../shared/components/ConfirmDialog';
import { MutationError } from '../../shared/components/MutationError';
import {
  APPOINTMENT_STATUS_LABELS,
  CHANNEL_LABELS,
  COUNTER_OUTCOME_LABELS,
  PRECALL_COVERAGE_COLORS,
  PRECALL_COVERAGE_LABELS,
  CounterOutcomeForm,
  AppointmentNextMutation,
  CounterStartMutation,
  WorklistCounterSessionsQuery,
  WorklistPrecallsQuery,
  PrecallOutcomeForm,
  PrecontactPanel,
} from '../../features/appointments';
import { formatDate, formatTime, todayInRome } from '../../shared/format/calendar';
import { usePaged } from '../../shared/components/usePaged';
import { EmptyState } from '../../shared/components/EmptyState';
import { ErrorDisplay } from '../../shared/components/ErrorDisplay';
import { Loading } from '../../shared/components/Loading';
import { LoadMore } from '../../shared/components/LoadMore';
import { usePageTitle } from '../../shared/components/usePageTitle';
import { CallbacksPanel } from '../../features/callbacks';
import { MyFollowUpsPanel } from '../../features/followups';
import { CollaboratorCheckPanel } from '../../features/procure';
import { useLiveAlerts } from '../../features/alerts';

const ASSIGNMENT_ALERTS = ['ASSIGNED'] as const;

/** "La mia lista": the operator's precalls, counter sessions and callbacks (docs/domain.md §5). */
export function WorklistPage() {
  usePageTitle('La mia lista');
  const [date, setDate] = useState(todayInRome);
  return (
    <>
      <h1>La mia lista</h1>
      <div className="form-group mb-4" style={{ maxWidth: '16rem' }}>
        <label htmlFor="wl-date" className="active">
          Giorno
        </label>
        <input
          id="wl-date"
          type="date"
          className="form-control"
          value={date}
          onChange={(e) => e.target.value && setDate(e.target.value)}
        />
      </div>
      <PrecallsSection date={date} />
      <CounterSessionsSection date={date} />
      <NextAppointmentSection />
      <MyFollowUpsPanel />
      <CallbacksPanel />
      <CollaboratorCheckPanel />
    </>
  );
}

function PrecallsSection({ date }: { date: string }) {
  const [{ data, fetching, error }, reexecute] = useQuery({ query: WorklistPrecallsQuery, variables: { date } });
  const reload = () => reexecute({ requestPolicy: 'network-only' });
  // Work assigned to me shows without a reload.
  useLiveAlerts(reload, ASSIGNMENT_ALERTS);
  const precalls = data?.myWorklist.precalls ?? [];
  const paged = usePaged(precalls);
  const [open, setOpen] = useState<string | null>(null);
  const [precontact, setPrecontact] = useState<string | null>(null);
  const [recorded, setRecorded] = useState<string | null>(null);

  return (
    <section aria-labelledby="wl-precalls" className="my-5">
      <h2 id="wl-precalls" className="h4">
        Prechiamate da fare
      </h2>
      <div aria-live="polite">
        {recorded ? <p className="alert alert-success">Esito registrato per la prenotazione n. {recorded}.</p> : null}
      </div>
      <ErrorDisplay error={error} headingLevel={3} onRetry={reload} />
      {fetching && !data ? <Loading /> : null}
      {data && precalls.length === 0 ? <EmptyState title="Nessuna prechiamata da fare" /> : null}
      {paged.shown.length > 0 ? (
        <ul className="list-unstyled" aria-label="Prechiamate">
          {paged.shown.map((a) => (
            <li key={a.id} className="border-bottom py-3">
              <h3 className="h6 mb-1">
                {a.citizenName ?? 'Cittadino'} — prenotazione n. {a.cupNumber}
              </h3>
              <div>
                {formatDate(a.date)} ore {formatTime(a.time)} · {a.service?.name ?? 'servizio'} ·{' '}
                <Badge color={PRECALL_COVERAGE_COLORS[a.precall.coverage]}>
                  {PRECALL_COVERAGE_LABELS[a.precall.coverage]}
                </Badge>
              </div>
              <div>
                Telefono:{' '}
                {a.phone ? (
                  <a
                    href={`tel:${a.phone.replace(/[^+\d]/g, '')}`}
                    aria-label={`Chiama ${a.citizenName ?? 'il cittadino'} al ${a.phone}`}
                  >
                    {a.phone}
                  </a>
                ) : (
                  <span>non disponibile</span>
                )}
              </div>
              <div className="d-flex gap-2 mt-2">
                <Button
                  color="primary"
                  size="sm"
                  aria-expanded={open === a.id}
                  onClick={() => setOpen(open === a.id ? null : a.id)}
                >
                  {open === a.id ? 'Chiudi' : 'Registra esito'}
                  <span className="visually-hidden"> della prenotazione n. {a.cupNumber}</span>
                </Button>
                {/* Offered at any office size (seed 000, note 6); large offices use it for every booking. */}
                {a.hasEmail ? (
                  <Button
                    color="primary"
                    outline
                    size="sm"
                    aria-expanded={precontact === a.id}
                    onClick={() => setPrecontact(precontact === a.id ? null : a.id)}
                  >
                    E-mail di precontatto<span className="visually-hidden"> della prenotazione n. {a.cupNumber}</span>
                  </Button>
                ) : null}
              </div>
              {open === a.id ? (
                <PrecallOutcomeForm
                  appointmentId={a.id}
                  version={a.version}
                  onReload={reload}
                  onRecorded={() => {
                    setOpen(null);
                    setRecorded(a.cupNumber);
                    reload();
                  }}
                />
              ) : null}
              {precontact === a.id ? <PrecontactPanel appointmentId={a.id} /> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {precalls.length > 0 ? (
        <LoadMore
          hasNextPage={paged.hasNextPage}
          fetching={false}
          onLoadMore={paged.loadMore}
          shown={paged.shown.length}
        />
      ) : null}
    </section>
  );
}

function CounterSessionsSection({ date }: { date: string }) {
  const [{ data, fetching, error }, reexecute] = useQuery({ query: WorklistCounterSessionsQuery, variables: { date } });
  const reload = () => reexecute({ requestPolicy: 'network-only' });
  useLiveAlerts(reload, ASSIGNMENT_ALERTS);
  const sessions = data?.myWorklist.counterSessions ?? [];
  const paged = usePaged(sessions);
  const [startState, start] = useMutation(CounterStartMutation);
  const [startError, setStartError] = useState<string | null>(null);
  const [closed, setClosed] = useState<string | null>(null);

  return (
    <section aria-labelledby="wl-counter" className="my-5">
      <h2 id="wl-counter" className="h4">
        Sportello del giorno
      </h2>
      <div aria-live="polite">
        {closed ? (
          <p className="alert alert-success">Esito sportello registrato per la prenotazione n. {closed}.</p>
        ) : null}
      </div>
      <ErrorDisplay error={error} headingLevel={3} onRetry={reload} />
      {fetching && !data ? <Loading /> : null}
      {data && sessions.length === 0 ? <EmptyState title="Nessun appuntamento allo sportello" /> : null}
      {paged.shown.length > 0 ? (
        <ul className="list-unstyled" aria-label="Appuntamenti allo sportello">
          {paged.shown.map((a) => (
            <li key={a.id} className="border-bottom py-3">
              <h3 className="h6 mb-1">
                Ore {formatTime(a.time)} — {a.citizenName ?? 'Cittadino'} (prenotazione n. {a.cupNumber})
              </h3>
              <div>
                {a.service?.name ?? 'servizio'} · {a.counter.channel ? CHANNEL_LABELS[a.counter.channel] : ''} ·{' '}
                <strong>{APPOINTMENT_STATUS_LABELS[a.status]}</strong>
                {a.counter.outcome ? ` · ${COUNTER_OUTCOME_LABELS[a.counter.outcome]}` : ''}
              </div>
              {a.precall.note ? <p className="mb-1">Nota della prechiamata: {a.precall.note}</p> : null}
              {a.status === 'COUNTER_ASSIGNED' ? (
                <Button
                  color="primary"
                  size="sm"
                  className="mt-2"
                  disabled={startState.fetching}
                  onClick={async () => {
                    setStartError(a.id);
                    const answer = await start({ id: a.id, version: a.version });
                    if (!answer.error) {
                      setStartError(null);
                      reload();
                    }
                  }}
                >
                  Avvia<span className="visually-hidden"> la sessione della prenotazione n. {a.cupNumber}</span>
                </Button>
              ) : null}
              {startError === a.id ? (
                <MutationError error={startState.error} onReload={reload} headingLevel={4} />
              ) : null}
              {a.status === 'IN_SESSION' && a.counter.startedAt ? (
                <>
                  <CounterOutcomeForm
                    appointmentId={a.id}
                    version={a.version}
                    startedAt={a.counter.startedAt}
                    onReload={reload}
                    onRecorded={() => {
                      setClosed(a.cupNumber);
                      reload();
                    }}
                  />
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {sessions.length > 0 ? (
        <LoadMore
          hasNextPage={paged.hasNextPage}
          fetching={false}
          onLoadMore={paged.loadMore}
          shown={paged.shown.length}
        />
      ) : null}
    </section>
  );
}

/**
 * Takes the operator's next booking of today and starts its counter session: said before (a
 * confirmation) and after (which booking, session started), since it changes the booking's state.
 */
export function NextAppointmentSection() {
  const [state, next] = useMutation(AppointmentNextMutation);
  const [asked, setAsked] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const found = state.data?.nextAppointment;
  return (
    <section aria-labelledby="wl-next" className="my-5">
      <h2 id="wl-next" className="h4">
        Prossimo appuntamento
      </h2>
      <p>
        Prende il prossimo cittadino in attesa tra i tuoi appuntamenti di oggi e avvia subito la sessione di sportello.
      </p>
      <Button color="primary" outline disabled={state.fetching} onClick={() => setConfirming(true)}>
        Avvia il prossimo appuntamento
      </Button>
      <ConfirmDialog
        isOpen={confirming}
        title="Avviare il prossimo appuntamento?"
        confirmLabel="Avvia la sessione"
        busy={state.fetching}
        onCancel={() => setConfirming(false)}
        onConfirm={async () => {
          setAsked(true);
          await next({});
          setConfirming(false);
        }}
      >
        La sessione di sportello del prossimo cittadino in attesa inizia ora e il tempo comincia a scorrere.
      </ConfirmDialog>
      <MutationError error={state.error} />
      <div aria-live="polite">
        {asked && !state.fetching && !state.error ? (
          found ? (
            <p className="mt-3 alert alert-success">
              Sessione avviata — prenotazione n. {found.cupNumber}: {found.citizenName ?? 'cittadino'},{' '}
              {formatDate(found.date)} ore {formatTime(found.time)}, {found.service?.name ?? ''} —{' '}
              {APPOINTMENT_STATUS_LABELS[found.status]}
              {found.counter.channel ? ` (${CHANNEL_LABELS[found.counter.channel]})` : ''}. La trovi nello sportello del
              giorno.
            </p>
          ) : (
            <p className="mt-3">Nessun appuntamento in attesa: nessuna sessione avviata.</p>
          )
        ) : null}
      </div>
    </section>
  );
}

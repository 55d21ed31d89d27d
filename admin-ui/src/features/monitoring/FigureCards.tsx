import type { ReactNode } from 'react';
import { CHANNEL_LABELS } from '../appointments';
import { formatCount, formatHours, formatShare } from './format';
import { FIGURE_LABELS as L } from './labels';
import { sessionsByChannel, type Figures } from './shape';

/** One figure: its name, its value and an optional line that explains it. */
function Figure({ id, label, value, children }: { id: string; label: string; value: string; children?: ReactNode }) {
  return (
    <div className="monitoring-figure" data-testid={`figure-${id}`}>
      <dt>{label}</dt>
      <dd className="monitoring-figure-value">{value}</dd>
      {children ? <dd className="monitoring-figure-detail">{children}</dd> : null}
    </div>
  );
}

function Group({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="my-4">
      <h3 className="h5">{title}</h3>
      <dl className="monitoring-figures">{children}</dl>
    </section>
  );
}

/** The unit's figures for the period as cards, grouped as docs/domain.md §7 lists them. */
export function FigureCards({ figures }: { figures: Figures }) {
  const a = figures.appointments;
  const c = figures.callbacks;
  const f = figures.followUps;
  return (
    <>
      <Group title="Prenotazioni e prechiamate">
        <Figure id="bookings" label={L.bookings} value={formatCount(a.bookings)}>
          {L.cancelled}: {formatCount(a.cancelled)}
        </Figure>
        <Figure id="toPrecall" label={L.toPrecall} value={formatCount(a.toPrecall)}>
          {L.precalled}: {formatCount(a.precalled)}
        </Figure>
        <Figure id="precallCoverage" label={L.precallCoverage} value={formatShare(a.precallCoverage)}>
          {formatCount(a.precalledInTime)} prechiamate almeno 3 giorni prima su {formatCount(a.toPrecall)} da
          prechiamare
        </Figure>
        <Figure
          id="servedWithoutCounter"
          label={L.servedWithoutCounter}
          value={formatShare(a.servedWithoutCounterShare)}
        >
          {formatCount(a.servedWithoutCounter)} servite al telefono o via e-mail/PEC
        </Figure>
        <Figure id="notReachingCounter" label={L.notReachingCounter} value={formatShare(a.notReachingCounterShare)}>
          {formatCount(a.notReachingCounter)} grazie alla prechiamata (la direttiva stima circa il 40%)
        </Figure>
      </Group>
      <Group title="Sportello">
        <Figure id="sessions" label={L.sessions} value={formatCount(a.sessions)}>
          {CHANNEL_LABELS.IN_PERSON}: {formatCount(sessionsByChannel(a, 'IN_PERSON'))};{' '}
          {CHANNEL_LABELS.VIRTUAL.toLowerCase()}: {formatCount(sessionsByChannel(a, 'VIRTUAL'))}
        </Figure>
        <Figure
          id="sessionsOver15Minutes"
          label={L.sessionsOver15Minutes}
          value={formatCount(a.sessionsOver15Minutes)}
        />
        <Figure
          id="completedOver15Minutes"
          label={L.completedOver15Minutes}
          value={formatCount(a.completedOver15Minutes)}
        />
        <Figure
          id="transfersToBackOffice"
          label={L.transfersToBackOffice}
          value={formatCount(a.transfersToBackOffice)}
        />
        <Figure id="noShows" label={L.noShows} value={formatCount(a.noShows)} />
      </Group>
      <Group title="Richiamate">
        <Figure id="callbacksRequested" label={L.callbacksRequested} value={formatCount(c.requested)} />
        <Figure id="callbacksWaiting" label={L.callbacksWaiting} value={formatCount(c.waiting)}>
          Richieste nel periodo e non ancora concluse
        </Figure>
        <Figure id="callbacksServed" label={L.callbacksServed} value={formatCount(c.served)}>
          {L.callbacksResolved}: {formatCount(c.resolved)}; {L.callbacksRoutedInternally.toLowerCase()}:{' '}
          {formatCount(c.routedInternally)}; {L.callbacksNoAnswer.toLowerCase()}: {formatCount(c.noAnswer)}
        </Figure>
      </Group>
      <Group title="Attività successive (back office, documenti via e-mail/PEC)">
        <Figure id="followUpsOpened" label={L.followUpsOpened} value={formatCount(f.opened)}>
          Ancora aperte: {formatCount(f.stillOpen)}
        </Figure>
        <Figure id="followUpsClosed" label={L.followUpsClosed} value={formatCount(f.closed)}>
          Svolte: {formatCount(f.done)}; annullate: {formatCount(f.cancelled)}
        </Figure>
        <Figure id="followUpsOverdue" label={L.followUpsOverdue} value={formatCount(f.overdue)} />
        <Figure
          id="followUpsMedianClosing"
          label={L.followUpsMedianClosing}
          value={formatHours(f.medianClosingHours)}
        />
      </Group>
    </>
  );
}

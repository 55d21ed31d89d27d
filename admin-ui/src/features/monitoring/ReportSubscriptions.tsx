import { Alert, Button } from 'design-react-kit';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import type { ReportFrequency } from '../../gql/graphql';
import { ConfirmDialog } from '../../shared/components/ConfirmDialog';
import { ErrorDisplay } from '../../shared/components/ErrorDisplay';
import { MutationError } from '../../shared/components/MutationError';
import { useConfirmedAction } from '../../shared/components/useConfirmedAction';
import { formatDateTime } from '../../shared/format/dateTime';
import {
  MyReportSubscriptionsQuery,
  SubscribeToReportMutation,
  UnsubscribeFromReportMutation,
} from './reportOperations';

/** How each frequency reads, and when its e-mail arrives. */
export const FREQUENCY_LABELS: Record<ReportFrequency, { label: string; when: string }> = {
  WEEKLY: { label: 'Settimanale', when: 'ogni lunedì mattina, per la settimana appena conclusa' },
  MONTHLY: { label: 'Mensile', when: 'il primo del mese, per il mese appena concluso' },
};

interface Subscription {
  id: string;
  frequency: ReportFrequency;
  unitName: string;
}

/**
 * "Rapporti periodici": the director subscribes to the weekly or monthly
 * report of the unit on screen (an e-mail with the figures and the CSV
 * attached), and sees and ends their subscriptions of every unit.
 */
export function ReportSubscriptions({ unitCode, unitName }: { unitCode: string; unitName: string }) {
  const [mine, refresh] = useQuery({ query: MyReportSubscriptionsQuery, requestPolicy: 'cache-and-network' });
  const [subscribing, subscribe] = useMutation(SubscribeToReportMutation);
  const [, unsubscribe] = useMutation(UnsubscribeFromReportMutation);
  const [notice, setNotice] = useState<string | null>(null);
  const reload = () => refresh({ requestPolicy: 'network-only' });
  const ending = useConfirmedAction(
    (s: Subscription) => unsubscribe({ id: s.id }),
    (s) => {
      setNotice(`Non riceverai più il rapporto ${FREQUENCY_LABELS[s.frequency].label.toLowerCase()} di ${s.unitName}.`);
      reload();
    },
  );
  const subscriptions = mine.data?.myReportSubscriptions ?? [];
  const held = (frequency: ReportFrequency) =>
    subscriptions.some((s) => s.unit.code === unitCode && s.frequency === frequency);

  async function start(frequency: ReportFrequency) {
    setNotice(null);
    const result = await subscribe({ unitCode, frequency });
    if (!result.error) {
      setNotice(
        `Riceverai il rapporto ${FREQUENCY_LABELS[frequency].label.toLowerCase()} di ${unitName} ${FREQUENCY_LABELS[frequency].when}. Il primo arriva a breve, per l'ultimo periodo concluso.`,
      );
      reload();
    }
  }

  return (
    <section aria-labelledby="report-subscriptions" className="my-4">
      <h3 id="report-subscriptions" className="h4">
        Rapporti periodici via e-mail
      </h3>
      <p>
        Le cifre di questa pagina, con le unità sottostanti e le tabelle per persona in un CSV allegato, all'indirizzo
        e-mail del tuo profilo.
      </p>
      <div className="d-flex flex-wrap gap-2 mb-2">
        {(Object.keys(FREQUENCY_LABELS) as ReportFrequency[]).map((frequency) => (
          <Button
            key={frequency}
            color="primary"
            outline
            size="sm"
            disabled={subscribing.fetching || held(frequency)}
            onClick={() => start(frequency)}
          >
            {held(frequency)
              ? `${FREQUENCY_LABELS[frequency].label}: già attivo`
              : `Ricevi il rapporto ${FREQUENCY_LABELS[frequency].label.toLowerCase()}`}
          </Button>
        ))}
      </div>
      <div role="status" aria-live="polite">
        {notice ? (
          <Alert color="success" fade={false}>
            {notice}
          </Alert>
        ) : null}
      </div>
      <MutationError error={subscribing.error} />
      <ErrorDisplay error={mine.error} onRetry={reload} headingLevel={4} />
      {subscriptions.length > 0 ? (
        <ul className="list-unstyled" aria-label="I tuoi rapporti periodici">
          {subscriptions.map((s) => (
            <li key={s.id} className="border-bottom py-2 d-flex flex-wrap align-items-center gap-2">
              <span className="flex-grow-1">
                <strong>{s.unit.name}</strong> · {FREQUENCY_LABELS[s.frequency].label} ·{' '}
                {s.lastSentAt ? `ultimo invio ${formatDateTime(s.lastSentAt)}` : 'nessun invio ancora'}
              </span>
              <Button
                color="danger"
                outline
                size="sm"
                onClick={() => ending.ask({ id: s.id, frequency: s.frequency, unitName: s.unit.name })}
                aria-label={`Annulla iscrizione al rapporto ${FREQUENCY_LABELS[s.frequency].label.toLowerCase()} di ${s.unit.name}`}
              >
                Annulla iscrizione
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      <ConfirmDialog {...ending.dialog} title="Annullare l'iscrizione al rapporto?" confirmLabel="Annulla iscrizione">
        {ending.target
          ? `Non riceverai più il rapporto ${FREQUENCY_LABELS[ending.target.frequency].label.toLowerCase()} di ${ending.target.unitName}.`
          : null}
      </ConfirmDialog>
    </section>
  );
}

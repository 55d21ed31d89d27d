import { Alert, Button } from 'design-react-kit';
import { useState } from 'react';
import { useMutation } from 'urql';
import { ConfirmDialog } from '../../shared/components/ConfirmDialog';
import { EmptyState } from '../../shared/components/EmptyState';
import { ErrorDisplay } from '../../shared/components/ErrorDisplay';
import { LoadMore } from '../../shared/components/LoadMore';
import { Loading } from '../../shared/components/Loading';
import { useConfirmedAction } from '../../shared/components/useConfirmedAction';
import { useConnectionQuery } from '../../shared/components/useConnectionQuery';
import { usePageTitle } from '../../shared/components/usePageTitle';
import { formatDateTime } from '../../shared/format/dateTime';
import type { ProfessionalOrderField, VerificationQueueQuery as QueueResult } from '../../gql/graphql';
import { SelectField } from '../../shared/components/SelectField';
import type { SortOrder } from '../../shared/components/SortableHeader';
import { PROFESSION_CATEGORY_LABELS } from '../procure';
import { TextDialog } from '../followups';
import { VerificationApproveMutation, VerificationQueueQuery, VerificationRejectMutation } from './operations';

type Pending = QueueResult['professionals']['nodes'][number];

/** Where administrators review self-registered professionals. */
export const VERIFICATION_PATH = '/professionisti';

/** The orders the queue can be read in, as the server sorts them. */
const ORDERS = {
  newest: { label: 'Prima le più recenti', order: { field: 'CREATED_AT', direction: 'DESC' } },
  oldest: { label: 'Prima le meno recenti', order: { field: 'CREATED_AT', direction: 'ASC' } },
  name: { label: 'Per nome (A–Z)', order: { field: 'NAME', direction: 'ASC' } },
} as const satisfies Record<string, { label: string; order: SortOrder<ProfessionalOrderField> }>;
type OrderKey = keyof typeof ORDERS;

/** "1 richiesta in attesa", "3 richieste in attesa". */
export function pendingTotal(count: number, more: boolean): string {
  const plus = more ? ' o più' : '';
  return count === 1 && !more ? '1 richiesta in attesa' : `${count}${plus} richieste in attesa`;
}

/**
 * The verification queue: self-registrations neither approved nor rejected,
 * newest first. Approving lets the professional declare procure; rejecting
 * needs a reason, which is e-mailed to them, and closes their account.
 */
export function VerificationQueuePage() {
  usePageTitle('Professionisti da verificare');
  const [orderKey, setOrderKey] = useState<OrderKey>('newest');
  const queue = useConnectionQuery({
    query: VerificationQueueQuery,
    variables: { orderBy: ORDERS[orderKey].order },
    connection: (data) => data.professionals,
  });
  const [notice, setNotice] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState<Pending | null>(null);
  const [, approve] = useMutation(VerificationApproveMutation);
  const [, reject] = useMutation(VerificationRejectMutation);
  const approving = useConfirmedAction(
    (p: Pending) => approve({ id: p.id }),
    (p) => {
      setNotice(`Registrazione di ${p.name} approvata: l'esito è stato inviato per e-mail.`);
      queue.refresh();
    },
  );

  async function sendRejection(reason: string) {
    const target = rejecting;
    if (!target) return {};
    const result = await reject({ id: target.id, reason });
    if (!result.error) {
      setRejecting(null);
      setNotice(`Registrazione di ${target.name} respinta: il motivo è stato inviato per e-mail.`);
      queue.refresh();
    }
    return result;
  }

  return (
    <>
      <h1>Professionisti da verificare</h1>
      <p>
        Controlla codice fiscale, tipo utente Entratel e iscrizione all'albo prima di approvare. Chi viene respinto
        riceve il motivo per e-mail e non può più accedere.
      </p>
      <div role="status" aria-live="polite">
        {notice ? (
          <Alert color="success" fade={false}>
            {notice}
          </Alert>
        ) : null}
      </div>
      <ErrorDisplay error={queue.error} onRetry={queue.refresh} />
      {queue.fetching && queue.nodes.length === 0 ? <Loading label="Caricamento delle richieste…" /> : null}
      {!queue.fetching && !queue.error && queue.nodes.length === 0 ? (
        <EmptyState title="Nessuna registrazione in attesa di verifica" />
      ) : null}
      {queue.nodes.length > 0 ? (
        <>
          <div className="d-flex flex-wrap align-items-end justify-content-between gap-3">
            <p className="fw-semibold" data-testid="queue-total">
              {queue.totalCount !== undefined
                ? pendingTotal(queue.totalCount, false)
                : pendingTotal(queue.nodes.length, queue.hasNextPage)}
            </p>
            <div style={{ minWidth: '14rem' }}>
              <SelectField label="Ordine" value={orderKey} onChange={(value) => setOrderKey(value as OrderKey)}>
                {(Object.keys(ORDERS) as OrderKey[]).map((key) => (
                  <option key={key} value={key}>
                    {ORDERS[key].label}
                  </option>
                ))}
              </SelectField>
            </div>
          </div>
          <ul className="list-unstyled" aria-label="Registrazioni in attesa">
            {queue.nodes.map((p) => (
              <li key={p.id} className="border-bottom py-3" data-testid="pending-professional">
                <p className="mb-1 fw-semibold">{p.name}</p>
                <p className="mb-1 small">
                  Codice fiscale {p.fiscalCode} · Entratel {p.entratelUserType} ·{' '}
                  {PROFESSION_CATEGORY_LABELS[p.category]}
                </p>
                <p className="mb-2 small text-muted">
                  {p.albo.name} ({p.albo.province}) n. {p.albo.number} · registrata il {formatDateTime(p.registeredAt)}
                </p>
                <div className="d-flex flex-wrap gap-2">
                  <Button color="primary" size="sm" onClick={() => approving.ask(p)} aria-label={`Approva ${p.name}`}>
                    Approva
                  </Button>
                  <Button
                    color="danger"
                    outline
                    size="sm"
                    onClick={() => setRejecting(p)}
                    aria-label={`Respingi ${p.name}`}
                  >
                    Respingi
                  </Button>
                </div>
              </li>
            ))}
          </ul>
          <LoadMore
            hasNextPage={queue.hasNextPage}
            fetching={queue.fetching}
            onLoadMore={queue.loadMore}
            shown={queue.nodes.length}
            total={queue.totalCount}
          />
        </>
      ) : null}
      <ConfirmDialog {...approving.dialog} title="Approvare la registrazione?" confirmLabel="Approva">
        <p>{approving.target?.name} potrà dichiarare procure; riceverà l'esito per e-mail.</p>
      </ConfirmDialog>
      {rejecting ? (
        <TextDialog
          title="Respingere la registrazione?"
          label="Motivo (inviato per e-mail al professionista)"
          field="reason"
          confirmLabel="Respingi"
          confirmColor="danger"
          onSubmit={sendRejection}
          onClose={() => setRejecting(null)}
        >
          <p>{rejecting.name} riceverà il motivo per e-mail; il suo account sarà disattivato.</p>
        </TextDialog>
      ) : null}
    </>
  );
}

import { Alert, Button } from 'design-react-kit';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { usePaged } from '../../shared/components/usePaged';
import { ConfirmDialog } from '../../shared/components/ConfirmDialog';
import { useConfirmedAction } from '../../shared/components/useConfirmedAction';
import { EmptyState } from '../../shared/components/EmptyState';
import { ErrorDisplay } from '../../shared/components/ErrorDisplay';
import { formatDateTime } from '../../shared/format/dateTime';
import { Loading } from '../../shared/components/Loading';
import { LoadMore } from '../../shared/components/LoadMore';
import { usePageTitle } from '../../shared/components/usePageTitle';
import type { WebhookListQuery as WebhookListData } from '../../gql/graphql';
import { DELIVERY_STATUS_BADGES, attemptOutcomeLabel, deliveryStatusLabel, webhookEventLabel } from './labels';
import {
  WebhookDeleteMutation,
  WebhookListQuery,
  WebhookRegisterMutation,
  WebhookRotateSecretMutation,
} from './operations';
import { SecretIssuingForm } from './SecretIssuingForm';
import { SecretOnce } from './SecretOnce';
import { WEBHOOK_URL_MAX, webhookUrlProblem } from './validation';

export const WEBHOOK_DRAFT = 'procure-webhook';
/** How many notifications of each endpoint the delivery log shows. */
export const DELIVERIES_SHOWN = 10;
const WEBHOOKS_CONTEXT = { additionalTypenames: ['Webhook'] };

type Webhook = WebhookListData['webhooks'][number];

/** Webhook endpoints: register (the signing secret shown once), delivery log, new secret (24 h grace), delete. */
export function WebhooksPage() {
  usePageTitle('Procure — Webhook');
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: WebhookListQuery,
    variables: { last: DELIVERIES_SHOWN },
  });
  const reload = () => reexecute({ requestPolicy: 'network-only' });
  const hooks = data?.webhooks ?? [];
  const paged = usePaged(hooks, 5);
  const [created, setCreated] = useState<{ url: string; secret: string } | null>(null);
  const [rotated, setRotated] = useState<{ url: string; secret: string; oldUntil: string | null } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [, remove] = useMutation(WebhookDeleteMutation);
  const [, rotate] = useMutation(WebhookRotateSecretMutation);
  const rotating = useConfirmedAction(
    async (target: Webhook) => {
      const result = await rotate({ id: target.id }, WEBHOOKS_CONTEXT);
      const answer = result.data?.rotateWebhookSecret;
      if (answer)
        setRotated({
          url: answer.webhook.url,
          secret: answer.secret,
          oldUntil: answer.webhook.previousSecretValidUntil ?? null,
        });
      return result;
    },
    () => {
      setNotice(null);
      setCreated(null);
      reload();
    },
  );

  const deleting = useConfirmedAction(
    (target: Webhook) => remove({ id: target.id }, WEBHOOKS_CONTEXT),
    (target) => {
      setNotice(`Webhook ${target.url} eliminato.`);
      reload();
    },
  );

  return (
    <>
      <h2 className="h3">Webhook</h2>
      <p>
        Invece di interrogare l&apos;API, il tuo gestionale può ricevere una notifica firmata quando una tua procura
        viene dichiarata, revocata, sta per scadere o scade. Puoi registrare al massimo 5 indirizzi.
      </p>
      <div role="status" aria-live="polite">
        {notice ? (
          <Alert color="success" fade={false} className="my-3">
            {notice}
          </Alert>
        ) : null}
      </div>

      {created ? (
        <SecretOnce
          title="Webhook registrato"
          label="Segreto di firma"
          secret={created.secret}
          whenLost="elimina il webhook e registralo di nuovo: riceverai un nuovo segreto"
          onDone={() => setCreated(null)}
        >
          <p>
            Il tuo endpoint <span className="text-break">{created.url}</span> lo usa per verificare l&apos;intestazione{' '}
            <code>X-Accoglienza-Signature</code> di ogni notifica.
          </p>
        </SecretOnce>
      ) : null}

      {rotated ? (
        <SecretOnce
          title="Nuovo segreto di firma"
          label="Nuovo segreto di firma"
          secret={rotated.secret}
          whenLost="genera di nuovo il segreto"
          onDone={() => setRotated(null)}
        >
          <p>
            Installalo sul tuo endpoint <span className="text-break">{rotated.url}</span>. Il segreto precedente resta
            valido fino al {formatDateTime(rotated.oldUntil)}: fino ad allora ogni notifica porta due firme, una per
            segreto.
          </p>
        </SecretOnce>
      ) : null}

      <RegisterWebhookForm
        onRegistered={(url, secret) => {
          setNotice(null);
          setCreated({ url, secret });
          reload();
        }}
      />

      <section aria-labelledby="webhooks-list" className="my-5">
        <h3 id="webhooks-list" className="h4">
          I tuoi endpoint
        </h3>
        <ErrorDisplay error={error} headingLevel={4} onRetry={reload} />
        {fetching && !data ? <Loading label="Caricamento dei webhook…" /> : null}
        {data && hooks.length === 0 ? <EmptyState title="Nessun webhook registrato" /> : null}
        {paged.shown.map((hook) => (
          <article key={hook.id} className="border rounded p-3 mb-4" aria-labelledby={`webhook-${hook.id}`}>
            <div className="d-flex flex-wrap justify-content-between align-items-start gap-2">
              <div>
                <h4 id={`webhook-${hook.id}`} className="h6 mb-1 text-break">
                  {hook.url}
                </h4>
                <small className="text-muted">Registrato il {formatDateTime(hook.createdAt)}</small>
                {hook.previousSecretValidUntil ? (
                  <small className="d-block text-muted">
                    Segreto precedente valido fino al {formatDateTime(hook.previousSecretValidUntil)}
                  </small>
                ) : null}
              </div>
              <div className="d-flex flex-wrap gap-2">
                <Button
                  color="primary"
                  outline
                  size="xs"
                  onClick={() => rotating.ask(hook)}
                  aria-label={`Nuovo segreto per il webhook ${hook.url}`}
                >
                  Nuovo segreto
                </Button>
                <Button
                  color="danger"
                  outline
                  size="xs"
                  onClick={() => deleting.ask(hook)}
                  aria-label={`Elimina il webhook ${hook.url}`}
                >
                  Elimina
                </Button>
              </div>
            </div>
            <Deliveries hook={hook} />
          </article>
        ))}
        {hooks.length > 0 ? (
          <LoadMore
            hasNextPage={paged.hasNextPage}
            fetching={false}
            onLoadMore={paged.loadMore}
            shown={paged.shown.length}
          />
        ) : null}
      </section>

      <ConfirmDialog title="Generare un nuovo segreto?" confirmLabel="Genera" {...rotating.dialog}>
        <p>
          Riceverai un nuovo segreto di firma. Quello attuale resta valido per 24 ore, così puoi aggiornare il tuo
          endpoint senza perdere notifiche.
        </p>
      </ConfirmDialog>

      <ConfirmDialog title="Eliminare il webhook?" confirmLabel="Elimina" {...deleting.dialog}>
        {deleting.target ? (
          <p>
            <span className="text-break">{deleting.target.url}</span> non riceverà più notifiche; quelle ancora da
            consegnare saranno annullate.
          </p>
        ) : null}
      </ConfirmDialog>
    </>
  );
}

/** The delivery log of one endpoint: the latest notifications, each with its attempts. */
function Deliveries({ hook }: { hook: Webhook }) {
  if (hook.deliveries.length === 0)
    return <p className="mt-3 mb-0">Nessuna notifica inviata a questo endpoint finora.</p>;
  return (
    <div className="table-responsive mt-3">
      <table className="table table-sm mb-0">
        <caption className="text-start">Ultime notifiche (al massimo {DELIVERIES_SHOWN}), dalla più recente</caption>
        <thead>
          <tr>
            <th scope="col">Evento</th>
            <th scope="col">Stato</th>
            <th scope="col">Creata</th>
            <th scope="col">Tentativi</th>
            <th scope="col">Dettagli</th>
          </tr>
        </thead>
        <tbody>
          {hook.deliveries.map((d) => {
            const last = d.attempts[d.attempts.length - 1];
            return (
              <tr key={d.id}>
                <td>{webhookEventLabel(d.event)}</td>
                <td>
                  <span className={`badge ${DELIVERY_STATUS_BADGES[d.status] ?? 'bg-secondary'}`}>
                    {deliveryStatusLabel(d.status)}
                  </span>
                </td>
                <td>{formatDateTime(d.createdAt)}</td>
                <td>{d.attempts.length}</td>
                <td>
                  {d.sentAt ? <>Consegnata il {formatDateTime(d.sentAt)}. </> : null}
                  {d.status === 'PENDING' ? <>Prossimo tentativo: {formatDateTime(d.nextAttemptAt)}. </> : null}
                  {last ? (
                    <>
                      Ultimo tentativo: {attemptOutcomeLabel(last.outcome)}
                      {last.statusCode ? ` (HTTP ${last.statusCode})` : ''}.{' '}
                    </>
                  ) : null}
                  {d.lastError ? <span className="text-break">Errore: {d.lastError}</span> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function RegisterWebhookForm({ onRegistered }: { onRegistered: (url: string, secret: string) => void }) {
  const [{ fetching, error }, register] = useMutation(WebhookRegisterMutation);
  return (
    <SecretIssuingForm
      draftKey={WEBHOOK_DRAFT}
      formName="Nuovo webhook"
      heading="Registra un endpoint"
      field="url"
      label="URL dell'endpoint *"
      hint="Indirizzo https del tuo gestionale che riceverà le notifiche, ad esempio https://gestionale.example.com/hooks/accoglienza."
      maxLength={WEBHOOK_URL_MAX}
      input={{ type: 'url', autoComplete: 'off', spellCheck: false }}
      problemOf={webhookUrlProblem}
      submitLabel="Registra webhook"
      busyLabel="Registrazione in corso…"
      fetching={fetching}
      error={error}
      issue={async (url) => {
        const result = await register({ url }, WEBHOOKS_CONTEXT);
        const answer = result.data?.registerWebhook;
        return answer ? { label: answer.webhook.url, secret: answer.secret } : { error: result.error };
      }}
      onIssued={onRegistered}
      fieldColumns={8}
    />
  );
}

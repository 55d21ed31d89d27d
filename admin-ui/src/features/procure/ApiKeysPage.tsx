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
import type { ApiKeyRowFragment } from '../../gql/graphql';
import { ApiKeyCreateMutation, ApiKeyListQuery, ApiKeyRevokeMutation } from './operations';
import { SecretIssuingForm } from './SecretIssuingForm';
import { SecretOnce } from './SecretOnce';
import { API_KEY_NAME_MAX, apiKeyNameProblem } from './validation';

export const API_KEY_DRAFT = 'procure-api-key';
const API_KEYS_CONTEXT = { additionalTypenames: ['ApiKey'] };

/** Partner API keys: create (the secret shown once), list with last use, revoke. */
export function ApiKeysPage() {
  usePageTitle('Procure — Chiavi API');
  const [{ data, fetching, error }, reexecute] = useQuery({ query: ApiKeyListQuery });
  const reload = () => reexecute({ requestPolicy: 'network-only' });
  const keys = data?.apiKeys ?? [];
  // The API gives the keys whole (at most 10 live ones, plus the revoked): shown a page at a time.
  const paged = usePaged(keys, 20);
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [, revoke] = useMutation(ApiKeyRevokeMutation);

  const revoking = useConfirmedAction(
    (target: ApiKeyRowFragment) => revoke({ id: target.id }, API_KEYS_CONTEXT),
    (target) => {
      setNotice(`Chiave «${target.name}» revocata: le richieste fatte con essa sono rifiutate da ora.`);
      reload();
    },
  );

  return (
    <>
      <h2 className="h3">Chiavi API</h2>
      <p>
        Il tuo gestionale usa una chiave per consultare le tue procure e verificarle tramite l&apos;API partner. Ogni
        chiave agisce per tuo conto, in sola lettura; puoi averne al massimo 10 attive. Usa una chiave per ogni
        installazione.
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
          title={`Chiave API «${created.name}» creata`}
          label="Chiave API"
          secret={created.secret}
          whenLost="revocala e creane una nuova"
          onDone={() => setCreated(null)}
        >
          <p>
            Inseriscila nel tuo gestionale: va inviata in ogni richiesta come <code>Authorization: Bearer …</code>.
          </p>
        </SecretOnce>
      ) : null}

      <CreateApiKeyForm
        onCreated={(name, secret) => {
          setNotice(null);
          setCreated({ name, secret });
          reload();
        }}
      />

      <section aria-labelledby="api-keys-list" className="my-5">
        <h3 id="api-keys-list" className="h4">
          Le tue chiavi
        </h3>
        <ErrorDisplay error={error} headingLevel={4} onRetry={reload} />
        {fetching && !data ? <Loading label="Caricamento delle chiavi…" /> : null}
        {data && keys.length === 0 ? <EmptyState title="Non hai ancora creato chiavi API" /> : null}
        {paged.shown.length > 0 ? (
          <div className="table-responsive">
            <table className="table align-middle">
              <caption className="visually-hidden">Chiavi API, anche revocate, dalla più recente</caption>
              <thead>
                <tr>
                  <th scope="col">Nome</th>
                  <th scope="col">Inizio della chiave</th>
                  <th scope="col">Creata il</th>
                  <th scope="col">Ultimo uso</th>
                  <th scope="col">Stato</th>
                  <th scope="col">
                    <span className="visually-hidden">Azioni</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {paged.shown.map((key) => (
                  <tr key={key.id} data-testid={`api-key-${key.id}`}>
                    <td>{key.name}</td>
                    <td className="font-monospace">{key.hint}</td>
                    <td>{formatDateTime(key.createdAt)}</td>
                    <td>{key.lastUsedAt ? formatDateTime(key.lastUsedAt) : 'Mai usata'}</td>
                    <td>
                      {key.active ? (
                        <span className="badge bg-success">Attiva</span>
                      ) : (
                        <>
                          <span className="badge bg-secondary">Revocata</span>
                          {key.revokedAt ? (
                            <small className="d-block text-muted">il {formatDateTime(key.revokedAt)}</small>
                          ) : null}
                        </>
                      )}
                    </td>
                    <td className="text-end">
                      {key.active ? (
                        <Button
                          color="danger"
                          outline
                          size="xs"
                          onClick={() => revoking.ask(key)}
                          aria-label={`Revoca la chiave «${key.name}»`}
                        >
                          Revoca
                        </Button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {keys.length > 0 ? (
          <LoadMore
            hasNextPage={paged.hasNextPage}
            fetching={false}
            onLoadMore={paged.loadMore}
            shown={paged.shown.length}
          />
        ) : null}
      </section>

      <ConfirmDialog title="Revocare la chiave API?" confirmLabel="Revoca la chiave" {...revoking.dialog}>
        {revoking.target ? (
          <p>
            Le applicazioni che usano la chiave <strong>«{revoking.target.name}»</strong> ({revoking.target.hint})
            riceveranno subito un errore di autenticazione. L&apos;operazione non si può annullare.
          </p>
        ) : null}
      </ConfirmDialog>
    </>
  );
}

function CreateApiKeyForm({ onCreated }: { onCreated: (name: string, secret: string) => void }) {
  const [{ fetching, error }, create] = useMutation(ApiKeyCreateMutation);
  return (
    <SecretIssuingForm
      draftKey={API_KEY_DRAFT}
      formName="Nuova chiave API"
      heading="Crea una chiave"
      field="name"
      label="Nome della chiave *"
      hint="Ad esempio il gestionale o la postazione che la userà."
      maxLength={API_KEY_NAME_MAX}
      problemOf={apiKeyNameProblem}
      submitLabel="Crea chiave"
      busyLabel="Creazione in corso…"
      fetching={fetching}
      error={error}
      issue={async (name) => {
        const result = await create({ name }, API_KEYS_CONTEXT);
        const answer = result.data?.createApiKey;
        return answer ? { label: answer.apiKey.name, secret: answer.secret } : { error: result.error };
      }}
      onIssued={onCreated}
    />
  );
}

import { Alert, Button } from 'design-react-kit';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useMutation, type CombinedError } from 'urql';
import { hasErrorCode } from '../../shared/api/errors';
import { ErrorDisplay } from '../../shared/components/ErrorDisplay';
import { useDraft } from '../../shared/forms/useDraft';
import type { QuesitoStatus } from '../../gql/graphql';
import { ConvertForm, type ConversionOffice } from './ConvertForm';
import { CheckboxField, TextAreaField } from '../../shared/components/fields';
import {
  QuesitoAnswerMutation,
  QuesitoCancelMutation,
  QuesitoCitizenReplyMutation,
  QuesitoForwardMutation,
  QuesitoReleaseMutation,
  QuesitoRequestCitizenInfoMutation,
  QuesitoTakeMutation,
} from './operations';

export type QuesitoAction = 'take' | 'release' | 'answer' | 'ask' | 'reply' | 'forward' | 'convert' | 'cancel';
/** Who is looking: a CRIC expert works the quesito; the CCM that filed it may only cancel it. */
export type QuesitoActor = 'cric' | 'ccm';

export const ACTION_LABELS: Record<QuesitoAction, string> = {
  take: 'Prendi in carico',
  release: 'Rilascia',
  answer: 'Rispondi',
  ask: 'In attesa del cittadino',
  reply: 'Risposta del cittadino',
  forward: 'Inoltra alla Direzione Centrale',
  convert: 'Converti in appuntamento',
  cancel: 'Annulla',
};

/**
 * The actions the life cycle allows from a status (docs/domain.md §4.3). Converting
 * is offered when the API lists offices to convert at (it lists none to who
 * may not convert). Only the expert holding a quesito releases it or puts it
 * waiting for the citizen (docs/quesiti.md, "Continuity with the expert").
 */
export function actionsFor(
  status: QuesitoStatus,
  actor: QuesitoActor,
  canConvert = false,
  takenByMe = false,
): QuesitoAction[] {
  if (actor === 'ccm') {
    if (status === 'WAITING_FOR_CITIZEN') return ['reply', 'cancel'];
    return status === 'NEW' || status === 'IN_PROGRESS' ? ['cancel'] : [];
  }
  const convert: QuesitoAction[] = canConvert ? ['convert'] : [];
  switch (status) {
    case 'NEW':
      return ['take', 'ask', 'forward', ...convert, 'cancel'];
    case 'IN_PROGRESS':
      return ['answer', ...(takenByMe ? (['ask', 'release'] as const) : []), 'forward', ...convert, 'cancel'];
    case 'WAITING_FOR_CITIZEN':
      return ['reply', 'cancel'];
    default:
      return [];
  }
}

export const CONFLICT_MESSAGE = 'Il quesito è stato modificato da un altro utente: ricarica.';

function ActionError({ error, onReload }: { error: CombinedError | undefined; onReload: () => void }) {
  if (!error) return null;
  if (hasErrorCode(error, 'CONFLICT')) {
    const detail = error.graphQLErrors.find((e) => e.extensions?.code === 'CONFLICT')?.message;
    return (
      <Alert color="warning" fade={false} className="my-3">
        <h3 className="h5 alert-heading">{CONFLICT_MESSAGE}</h3>
        {detail ? <p>{detail}</p> : null}
        <Button color="primary" size="sm" onClick={onReload}>
          Ricarica il quesito
        </Button>
      </Alert>
    );
  }
  return <ErrorDisplay error={error} headingLevel={3} />;
}

interface Props {
  id: string;
  status: QuesitoStatus;
  subject: string;
  actor: QuesitoActor;
  /** Offices of the region where the caller may convert it to an appointment. */
  conversionOffices?: readonly ConversionOffice[];
  /** The caller holds it (took it): they may release it or put it waiting for the citizen. */
  takenByMe?: boolean;
  /** The name of the central directorate a forward sends it to; null when none is reachable. */
  forwardTarget?: string | null;
  /** Reloads the quesito (after an action, or after a conflict). */
  onChanged: () => void;
}

/** The buttons a quesito's status allows, each opening its small form where one is needed. */
export function QuesitoActions({
  id,
  status,
  subject,
  actor,
  conversionOffices = [],
  takenByMe = false,
  forwardTarget = null,
  onChanged,
}: Props) {
  const actions = actionsFor(status, actor, conversionOffices.length > 0, takenByMe);
  const [open, setOpen] = useState<QuesitoAction | null>(null);
  const [take, takeQuesito] = useMutation(QuesitoTakeMutation);
  const [release, releaseQuesito] = useMutation(QuesitoReleaseMutation);

  if (actions.length === 0) return null;

  const onTake = async () => {
    const result = await takeQuesito({ id });
    if (result.data) onChanged();
  };
  const onRelease = async () => {
    const result = await releaseQuesito({ id });
    if (result.data) onChanged();
  };

  return (
    <section aria-labelledby="quesito-actions-heading" className="my-4">
      <h2 id="quesito-actions-heading" className="h4">
        Azioni
      </h2>
      <div className="d-flex flex-wrap gap-2" role="group" aria-label="Azioni sul quesito">
        {actions.map((action) =>
          action === 'take' ? (
            <Button key={action} color="primary" onClick={onTake} disabled={take.fetching} aria-busy={take.fetching}>
              {ACTION_LABELS[action]}
            </Button>
          ) : action === 'release' ? (
            <Button
              key={action}
              color="secondary"
              outline
              onClick={onRelease}
              disabled={release.fetching}
              aria-busy={release.fetching}
            >
              {ACTION_LABELS[action]}
            </Button>
          ) : (
            <Button
              key={action}
              color={
                action === 'answer' || action === 'reply' ? 'primary' : action === 'cancel' ? 'danger' : 'secondary'
              }
              outline={action !== 'answer' && action !== 'reply'}
              aria-expanded={open === action}
              aria-controls={`quesito-${action}-form`}
              onClick={() => setOpen(open === action ? null : action)}
            >
              {ACTION_LABELS[action]}
            </Button>
          ),
        )}
      </div>
      <ActionError error={take.error ?? release.error} onReload={onChanged} />
      {open === 'answer' ? <AnswerForm id={id} subject={subject} onDone={onChanged} /> : null}
      {open === 'ask' ? <ReasonForm id={id} kind="ask" onDone={onChanged} /> : null}
      {open === 'reply' ? <ReasonForm id={id} kind="reply" onDone={onChanged} /> : null}
      {open === 'forward' ? (
        <ReasonForm id={id} kind="forward" onDone={onChanged}>
          <ForwardTargetNote name={forwardTarget} />
        </ReasonForm>
      ) : null}
      {open === 'convert' ? (
        <ConvertForm
          id={id}
          offices={conversionOffices}
          onDone={onChanged}
          renderError={(error) => <ActionError error={error} onReload={onChanged} />}
        />
      ) : null}
      {open === 'cancel' ? <ReasonForm id={id} kind="cancel" onDone={onChanged} /> : null}
    </section>
  );
}

function AnswerForm({ id, subject, onDone }: { id: string; subject: string; onDone: () => void }) {
  const [draft, setDraft, discard] = useDraft(`quesito-answer:${id}`, {
    answer: '',
    publishAsFaq: false,
    faqQuestion: '',
  });
  const [problem, setProblem] = useState<string | undefined>();
  const [{ fetching, error }, answerQuesito] = useMutation(QuesitoAnswerMutation);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft.answer.trim()) {
      setProblem('Scrivi la risposta.');
      return;
    }
    setProblem(undefined);
    const result = await answerQuesito({
      id,
      answer: draft.answer.trim(),
      publishAsFaq: draft.publishAsFaq,
      faqQuestion: draft.publishAsFaq && draft.faqQuestion.trim() ? draft.faqQuestion.trim() : null,
    });
    if (result.data) {
      discard();
      onDone();
    }
  };
  return (
    <form id="quesito-answer-form" onSubmit={submit} noValidate className="mt-4" aria-label="Risposta al quesito">
      <ActionError error={error} onReload={onDone} />
      <TextAreaField
        label="Risposta *"
        value={draft.answer}
        onChange={(answer) => setDraft({ ...draft, answer })}
        error={problem}
        rows={6}
        required
      />
      <CheckboxField
        label="Pubblica come FAQ"
        checked={draft.publishAsFaq}
        onChange={(publishAsFaq) => setDraft({ ...draft, publishAsFaq })}
      />
      {draft.publishAsFaq ? (
        <TextAreaField
          label="Domanda della FAQ"
          value={draft.faqQuestion}
          onChange={(faqQuestion) => setDraft({ ...draft, faqQuestion })}
          hint={`Se vuota, si usa l'oggetto: «${subject}».`}
          rows={2}
        />
      ) : null}
      <Button color="primary" type="submit" disabled={fetching} aria-busy={fetching}>
        {fetching ? 'Invio in corso…' : 'Invia la risposta'}
      </Button>
    </form>
  );
}

type TextKind = 'forward' | 'cancel' | 'ask' | 'reply';

/** The one text each of these actions needs: its label, what is missing, and the confirm button. */
const TEXT_FORMS: Record<TextKind, { label: string; missing: string; confirm: string }> = {
  forward: { label: "Motivo dell'inoltro *", missing: 'Scrivi il motivo.', confirm: "Conferma l'inoltro" },
  cancel: { label: "Motivo dell'annullamento *", missing: 'Scrivi il motivo.', confirm: "Conferma l'annullamento" },
  ask: {
    label: 'Cosa si chiede al cittadino *',
    missing: 'Scrivi cosa si chiede al cittadino.',
    confirm: 'Metti in attesa del cittadino',
  },
  reply: {
    label: 'Risposta del cittadino *',
    missing: 'Scrivi la risposta del cittadino.',
    confirm: 'Registra la risposta',
  },
};

/** Sends the action's text: the reason of a forward or a cancellation, the request to the citizen, their reply. */
function useTextAction(kind: TextKind) {
  const [forward, forwardQuesito] = useMutation(QuesitoForwardMutation);
  const [cancel, cancelQuesito] = useMutation(QuesitoCancelMutation);
  const [ask, askCitizen] = useMutation(QuesitoRequestCitizenInfoMutation);
  const [reply, recordReply] = useMutation(QuesitoCitizenReplyMutation);
  const states = { forward, cancel, ask, reply };
  const send = async (id: string, text: string) => {
    switch (kind) {
      case 'forward':
        return Boolean((await forwardQuesito({ id, reason: text })).data);
      case 'cancel':
        return Boolean((await cancelQuesito({ id, reason: text })).data);
      case 'ask':
        return Boolean((await askCitizen({ id, request: text })).data);
      case 'reply':
        return Boolean((await recordReply({ id, reply: text })).data);
    }
  };
  return [states[kind], send] as const;
}

/** Says, before the forward is confirmed, which central directorate will receive the quesito. */
function ForwardTargetNote({ name }: { name: string | null }) {
  return name ? (
    <p data-testid="forward-target">
      Sarà inoltrato a: <strong>{name}</strong> (la Direzione centrale competente per la classificazione).
    </p>
  ) : (
    <p data-testid="forward-target" className="text-danger">
      Nessuna Direzione centrale a cui tu possa inoltrarlo: l'amministratore deve configurarla.
    </p>
  );
}

interface ReasonFormProps {
  id: string;
  kind: TextKind;
  onDone: () => void;
  /** Shown above the text field (e.g. where a forward goes). */
  children?: ReactNode;
}

function ReasonForm({ id, kind, onDone, children }: ReasonFormProps) {
  const [reason, setReason, discard] = useDraft(`quesito-${kind}:${id}`, '');
  const [problem, setProblem] = useState<string | undefined>();
  const [state, send] = useTextAction(kind);
  const form = TEXT_FORMS[kind];
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setProblem(form.missing);
      return;
    }
    setProblem(undefined);
    if (await send(id, reason.trim())) {
      discard();
      onDone();
    }
  };
  return (
    <form id={`quesito-${kind}-form`} onSubmit={submit} noValidate className="mt-4" aria-label={ACTION_LABELS[kind]}>
      <ActionError error={state.error} onReload={onDone} />
      {children}
      <TextAreaField label={form.label} value={reason} onChange={setReason} error={problem} rows={3} required />
      <Button
        color={kind === 'cancel' ? 'danger' : 'primary'}
        type="submit"
        disabled={state.fetching}
        aria-busy={state.fetching}
      >
        {form.confirm}
      </Button>
    </form>
  );
}

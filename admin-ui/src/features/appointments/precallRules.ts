import type { PrecallOutcome, PrecallOutcomeInput, PrecallReason, PrecallResult } from '../../gql/graphql';

/** The closed lists of docs/domain.md §5.2: which reasons each outcome takes. */
export const REASONS_BY_OUTCOME: Record<PrecallOutcome, readonly PrecallReason[]> = {
  NOT_CONTACTABLE: ['MISSING_PHONE'],
  NEGATIVE: ['WRONG_NUMBER', 'NO_ANSWER'],
  POSITIVE: [],
};

/** Results, only for a POSITIVE outcome. */
export const RESULTS_BY_OUTCOME: Record<PrecallOutcome, readonly PrecallResult[]> = {
  NOT_CONTACTABLE: [],
  NEGATIVE: [],
  POSITIVE: [
    'SERVED_REMOTELY',
    'REDIRECTED_EMAIL_PEC',
    'CONFIRMED_VIRTUAL',
    'CONFIRMED_IN_PERSON',
    'CANCELLED_BY_CITIZEN',
  ],
};

export const PRECALL_OUTCOMES: readonly PrecallOutcome[] = ['NOT_CONTACTABLE', 'NEGATIVE', 'POSITIVE'];

export const NOTE_MAX = 300;

/** The note ("note motivazione conferma app.to") is only for confirmations. */
export function takesNote(result: PrecallResult | null): boolean {
  return result === 'CONFIRMED_VIRTUAL' || result === 'CONFIRMED_IN_PERSON';
}

export interface PrecallDraft {
  outcome: PrecallOutcome | null;
  reason: PrecallReason | null;
  result: PrecallResult | null;
  note: string;
}

export const EMPTY_PRECALL_DRAFT: PrecallDraft = { outcome: null, reason: null, result: null, note: '' };

/** Changing the outcome keeps only what still applies (a single reason is chosen for the person). */
export function withOutcome(draft: PrecallDraft, outcome: PrecallOutcome): PrecallDraft {
  const reasons = REASONS_BY_OUTCOME[outcome];
  const reason =
    draft.reason && reasons.includes(draft.reason) ? draft.reason : reasons.length === 1 ? reasons[0] : null;
  const result = draft.result && RESULTS_BY_OUTCOME[outcome].includes(draft.result) ? draft.result : null;
  return { outcome, reason, result, note: takesNote(result) ? draft.note : '' };
}

/** The API input, or the Italian message of what is missing. */
export function toPrecallInput(draft: PrecallDraft): { input: PrecallOutcomeInput } | { problem: string } {
  if (!draft.outcome) return { problem: "Scegli l'esito della prechiamata." };
  if (REASONS_BY_OUTCOME[draft.outcome].length > 0 && !draft.reason) return { problem: 'Scegli la motivazione.' };
  if (RESULTS_BY_OUTCOME[draft.outcome].length > 0 && !draft.result) return { problem: "Scegli l'esito del contatto." };
  const note = draft.note.trim();
  if (note.length > NOTE_MAX) return { problem: `La nota può avere al massimo ${NOTE_MAX} caratteri.` };
  return {
    input: {
      outcome: draft.outcome,
      reason: REASONS_BY_OUTCOME[draft.outcome].length > 0 ? draft.reason : null,
      result: RESULTS_BY_OUTCOME[draft.outcome].length > 0 ? draft.result : null,
      note: takesNote(draft.result) && note ? note : null,
    },
  };
}

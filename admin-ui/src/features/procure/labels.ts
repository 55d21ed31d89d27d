import type {
  CheckReason,
  ClientKind,
  DelegableService,
  ProcuraEventKind,
  ProcuraStatus,
  ProfessionCategory,
} from '../../gql/graphql';

/** The four delegable services (docs/domain.md §6), in the API's canonical order. */
export const SERVICE_ORDER: readonly DelegableService[] = [
  'REVIEW_IRREGULARITY_NOTICES',
  'REFUND_DOCUMENTATION',
  'REVIEW_ASSESSMENTS_41BIS',
  'STATUS_INFORMATION',
];

/** Short Italian names, for lists, badges and selects. */
export const SERVICE_LABELS: Record<DelegableService, string> = {
  REVIEW_IRREGULARITY_NOTICES: 'Riesame di comunicazioni di irregolarità e cartelle',
  REFUND_DOCUMENTATION: 'Documentazione per i rimborsi',
  REVIEW_ASSESSMENTS_41BIS: 'Riesame di avvisi di accertamento (art. 41-bis)',
  STATUS_INFORMATION: 'Informazioni sullo stato delle pratiche',
};

/** What each service covers, in the words of the circular: shown under the checkbox. */
export const SERVICE_DESCRIPTIONS: Record<DelegableService, string> = {
  REVIEW_IRREGULARITY_NOTICES:
    'Istanze di riesame su comunicazioni di irregolarità e cartelle di pagamento non lavorabili tramite Civis.',
  REFUND_DOCUMENTATION: "Documenti per ottenere i rimborsi (escluso il modello per l'accredito su conto corrente).",
  REVIEW_ASSESSMENTS_41BIS: 'Istanze di riesame di avvisi di accertamento ai sensi dell’art. 41-bis del DPR 600/73.',
  STATUS_INFORMATION: 'Informazioni sullo stato dei rimborsi, delle istanze e di ogni altra pratica.',
};

export const PROCURA_STATUS_ORDER: readonly ProcuraStatus[] = ['ACTIVE', 'NOT_YET_VALID', 'EXPIRED', 'REVOKED'];

export const PROCURA_STATUS_LABELS: Record<ProcuraStatus, string> = {
  ACTIVE: 'Attiva',
  NOT_YET_VALID: 'Non ancora valida',
  EXPIRED: 'Scaduta',
  REVOKED: 'Revocata',
};

/** Bootstrap Italia badge colours with enough contrast for their text. */
export const PROCURA_STATUS_BADGES: Record<ProcuraStatus, string> = {
  ACTIVE: 'bg-success',
  NOT_YET_VALID: 'bg-warning text-dark',
  EXPIRED: 'bg-secondary',
  REVOKED: 'bg-danger',
};

/** A procura can be revoked while it is in force or yet to start (the server refuses the rest). */
export function isRevocable(status: ProcuraStatus): boolean {
  return status === 'ACTIVE' || status === 'NOT_YET_VALID';
}

export const CLIENT_KIND_LABELS: Record<ClientKind, string> = {
  PERSON: 'Persona fisica',
  COMPANY: 'Società (partita IVA)',
};

export const PROCURA_EVENT_LABELS: Record<ProcuraEventKind, string> = {
  DECLARED: 'Dichiarata',
  REVOKED: 'Revocata',
  EXPIRING_SOON: 'In scadenza entro 30 giorni',
  EXPIRED: 'Scaduta',
};

export const PROFESSION_CATEGORY_LABELS: Record<ProfessionCategory, string> = {
  COMMERCIALISTA: 'Dottore commercialista / esperto contabile',
  CONSULENTE_DEL_LAVORO: 'Consulente del lavoro',
  OTHER: 'Altra categoria (non può dichiarare procure)',
};

/** Why a check answered as it did; the API also sends its own sentence (`message`). */
export const CHECK_REASON_LABELS: Record<CheckReason, string> = {
  AUTHORIZED: 'Autorizzato',
  COLLABORATOR_NOT_ACTIVE: 'Collaboratore non attivo in questa data',
  COLLABORATOR_NOT_LISTED: 'Collaboratore non comunicato dal professionista',
  COLLABORATORS_NOT_AUTHORIZED: 'La procura non autorizza i collaboratori',
  SERVICE_NOT_DELEGATED: 'Servizio non delegato',
  NOT_YET_VALID: 'Procura non ancora valida',
  REVOKED: 'Procura revocata',
  EXPIRED: 'Procura scaduta',
  NO_PROCURA: 'Nessuna procura da questo cliente',
};

/** A reason the UI does not know (the API may add some) reads as itself. */
export function checkReasonLabel(reason: string): string {
  return CHECK_REASON_LABELS[reason as CheckReason] ?? reason;
}

/** Webhook notifications: the event names the API sends. */
export const WEBHOOK_EVENT_LABELS: Record<string, string | undefined> = {
  'procura.declared': 'Procura dichiarata',
  'procura.revoked': 'Procura revocata',
  'procura.expiring': 'Procura in scadenza',
  'procura.expired': 'Procura scaduta',
};

export function webhookEventLabel(event: string): string {
  return WEBHOOK_EVENT_LABELS[event] ?? event;
}

/** `WebhookDelivery.status` is a string: known values in Italian, others as they come. */
export const DELIVERY_STATUS_LABELS: Record<string, string | undefined> = {
  PENDING: 'In attesa di un nuovo tentativo',
  SENDING: 'In invio',
  SENT: 'Consegnata',
  FAILED: 'Non consegnata (tentativi esauriti)',
  CANCELLED: 'Annullata',
};

export const DELIVERY_STATUS_BADGES: Record<string, string | undefined> = {
  PENDING: 'bg-warning text-dark',
  SENDING: 'bg-primary',
  SENT: 'bg-success',
  FAILED: 'bg-danger',
  CANCELLED: 'bg-secondary',
};

export function deliveryStatusLabel(status: string): string {
  return DELIVERY_STATUS_LABELS[status] ?? status;
}

/** `WebhookAttempt.outcome` is a string too. */
export const ATTEMPT_OUTCOME_LABELS: Record<string, string | undefined> = {
  SENT: 'Consegnata',
  RETRY: 'Non riuscita, nuovo tentativo previsto',
  FAILED: 'Non riuscita, nessun altro tentativo',
  LEASE_EXPIRED: 'Interrotta (processo di invio terminato)',
};

export function attemptOutcomeLabel(outcome: string): string {
  return ATTEMPT_OUTCOME_LABELS[outcome] ?? outcome;
}

/** `2026-11-25` → `25/11/2026`. */
export { formatDate } from '../../shared/format/calendar';

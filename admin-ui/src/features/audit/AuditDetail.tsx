import { formatDateTime } from '../../shared/format/dateTime';

/** Italian names of the keys the API writes in an event's detail; others are spelled out from camelCase. */
const KEY_LABELS: Record<string, string | undefined> = {
  username: 'Nome utente',
  status: 'Stato',
  assignee: 'Assegnatario',
  from: 'Da',
  to: 'A',
  section: 'Sezione',
  role: 'Ruolo',
  reason: 'Motivo',
  event: 'Evento',
  cupNumber: 'Numero CUP',
  code: 'Codice',
  active: 'Attivo',
  label: 'Denominazione',
  outcome: 'Esito',
  origin: 'Origine',
  operator: 'Operatore',
  office: 'Ufficio',
  unit: 'Unità',
  channel: 'Canale',
  changed: 'Campi modificati',
  attempts: 'Tentativi',
  attempt: 'Tentativo',
  appointment: 'Prenotazione',
  services: 'Servizi',
  validTo: 'Valida fino al',
  availableFrom: 'Disponibile dal',
  dueOn: 'Scadenza',
  firstDay: 'Primo giorno',
  lastDay: 'Ultimo giorno',
  hours: 'Orari',
  workingDays: 'Giorni lavorativi',
  automatic: 'Automatica',
  fast: 'Servizio veloce',
  takenOver: 'Presa in carico',
  publishedAsFaq: 'Pubblicato come FAQ',
  entratelUserType: 'Tipo di utente Entratel',
  on: 'Giorno',
};

/** `cupNumber` → "Cup number" for a key without an Italian name. */
function spelledOut(key: string): string {
  const words = key
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function valueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'Sì' : 'No';
  if (typeof value === 'string') return ISO_INSTANT.test(value) ? formatDateTime(value) : value;
  if (Array.isArray(value)) return value.map(valueText).join(', ');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([key, inner]) => `${KEY_LABELS[key] ?? spelledOut(key)}: ${valueText(inner)}`)
      .join('; ');
  }
  return String(value);
}

/** The detail as (name, value) pairs; one pair "Dettaglio" when it is not a JSON object. */
export function detailEntries(detail: string): [string, string][] {
  try {
    const parsed: unknown = JSON.parse(detail);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      return Object.entries(parsed as Record<string, unknown>).map(([key, value]) => [
        KEY_LABELS[key] ?? spelledOut(key),
        valueText(value),
      ]);
    }
    return [['Dettaglio', valueText(parsed)]];
  } catch {
    return [['Dettaglio', detail]];
  }
}

/**
 * What an event carried, for reading: its detail as a list of names and values, then the
 * identifiers a technician may need (record and request), kept out of the table itself.
 */
export function AuditDetail({
  detail,
  recordId,
  requestId,
}: {
  detail: string | null | undefined;
  recordId: string | null | undefined;
  requestId: string | null | undefined;
}) {
  const entries: [string, string][] = detail ? detailEntries(detail) : [];
  if (recordId) entries.push(['Identificativo del record', recordId]);
  if (requestId) entries.push(['Identificativo della richiesta', requestId]);
  return (
    <dl className="row mb-0 small">
      {entries.map(([name, value], index) => (
        <div key={index} className="col-12 d-sm-flex gap-2">
          <dt className="fw-semibold">{name}</dt>
          <dd className="mb-1 text-break">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

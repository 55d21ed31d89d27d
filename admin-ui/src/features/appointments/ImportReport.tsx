import { formatDate, formatDateTime } from '../../shared/format/calendar';
import type { CupImportMutation } from '../../gql/graphql';

export type CupImportReport = CupImportMutation['importCupBookings'];

/** What the CUP import did: the counts, the days covered, each rejected row with its reason, and the rows imported outside opening hours. */
export function ImportReport({ report }: { report: CupImportReport }) {
  return (
    <section aria-labelledby="cup-report-title" className="border rounded p-3 my-3">
      <h3 id="cup-report-title" className="h5">
        Esito dell'importazione
      </h3>
      <dl className="row mb-2" aria-label="Riepilogo">
        <dt className="col-6 col-md-3">Create</dt>
        <dd className="col-6 col-md-9" data-testid="cup-created">
          {report.created}
        </dd>
        <dt className="col-6 col-md-3">Aggiornate</dt>
        <dd className="col-6 col-md-9" data-testid="cup-updated">
          {report.updated}
        </dd>
        <dt className="col-6 col-md-3">Invariate</dt>
        <dd className="col-6 col-md-9">{report.unchanged}</dd>
        <dt className="col-6 col-md-3">Annullate (non più nell'export)</dt>
        <dd className="col-6 col-md-9" data-testid="cup-cancelled">
          {report.cancelled}
        </dd>
        <dt className="col-6 col-md-3">Giorni nel file</dt>
        <dd className="col-6 col-md-9">{report.days.length > 0 ? report.days.map(formatDate).join(', ') : '—'}</dd>
      </dl>
      {report.rejected.length === 0 ? (
        <p className="mb-0">Nessuna riga scartata.</p>
      ) : (
        <div className="table-responsive">
          <table className="table table-sm">
            <caption>Righe scartate ({report.rejected.length}): non è stato scritto nulla di queste righe</caption>
            <thead>
              <tr>
                <th scope="col">Riga</th>
                <th scope="col">N. prenotazione</th>
                <th scope="col">Motivo</th>
              </tr>
            </thead>
            <tbody>
              {report.rejected.map((row) => (
                <tr key={row.row}>
                  <td>{row.row}</td>
                  <td>{row.cupNumber ?? '—'}</td>
                  <td>{row.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {report.outsideOpeningHours.length > 0 ? (
        <div className="table-responsive">
          <table className="table table-sm">
            <caption>
              Fuori orario di apertura ({report.outsideOpeningHours.length}): importate comunque (il CUP fa fede),
              verificare con l'ufficio
            </caption>
            <thead>
              <tr>
                <th scope="col">Riga</th>
                <th scope="col">N. prenotazione</th>
                <th scope="col">Data e ora</th>
                <th scope="col">Motivo</th>
              </tr>
            </thead>
            <tbody>
              {report.outsideOpeningHours.map((row) => (
                <tr key={row.row}>
                  <td>{row.row}</td>
                  <td>{row.cupNumber}</td>
                  <td>{formatDateTime(row.startsAt)}</td>
                  <td>{row.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

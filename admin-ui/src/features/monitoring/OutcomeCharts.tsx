import { useId } from 'react';
import { CHANNEL_LABELS } from '../appointments';
import { formatCount, formatShare } from './format';
import { CHANNEL_ORDER } from './labels';
import { counterOutcomeShares, precallOutcomeShares, type AppointmentFigures, type ShareRow } from './shape';
import { SharesChart } from './SharesChart';

/** The two outcome-share charts side by side: precalls and counter sessions. */
export function OutcomeCharts({ appointments }: { appointments: AppointmentFigures }) {
  const precallId = useId();
  const counterId = useId();
  const precall = precallOutcomeShares(appointments);
  const counter = counterOutcomeShares(appointments);
  const precalledWithOutcome = precall.reduce((sum, row) => sum + row.count, 0);
  const sessions = counter.reduce((sum, row) => sum + row.count, 0);
  return (
    <div className="row">
      <div className="col-lg-6">
        <SharesChart
          headingId={precallId}
          title="Esiti delle prechiamate"
          description={
            precalledWithOutcome > 0
              ? `Quota sulle ${formatCount(precalledWithOutcome)} prechiamate con esito registrato.`
              : 'Nessuna prechiamata con esito registrato nel periodo.'
          }
          rows={precall}
          color="#0066cc"
          table={
            <SharesTable
              caption="Esiti delle prechiamate: numero e quota"
              rows={precall}
              total={precalledWithOutcome}
            />
          }
        />
      </div>
      <div className="col-lg-6">
        <SharesChart
          headingId={counterId}
          title="Esiti delle sessioni di sportello"
          description={
            sessions > 0
              ? `Quota sulle ${formatCount(sessions)} sessioni di sportello con esito, in presenza e virtuali.`
              : 'Nessuna sessione di sportello con esito nel periodo.'
          }
          rows={counter}
          color="#008055"
          table={
            <table className="table table-sm monitoring-shares">
              <caption>Esiti delle sessioni di sportello per canale: numero e quota</caption>
              <thead>
                <tr>
                  <th scope="col">Esito</th>
                  {CHANNEL_ORDER.map((channel) => (
                    <th key={channel} scope="col" className="text-end">
                      {CHANNEL_LABELS[channel]}
                    </th>
                  ))}
                  <th scope="col" className="text-end">
                    Totale
                  </th>
                  <th scope="col" className="text-end">
                    Quota
                  </th>
                </tr>
              </thead>
              <tbody>
                {counter.map((row) => (
                  <tr key={row.key}>
                    <th scope="row">{row.label}</th>
                    {CHANNEL_ORDER.map((channel) => (
                      <td key={channel} className="text-end">
                        {formatCount(row.byChannel[channel])}
                      </td>
                    ))}
                    <td className="text-end">{formatCount(row.count)}</td>
                    <td className="text-end">{formatShare(row.share)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        />
      </div>
    </div>
  );
}

function SharesTable({ caption, rows, total }: { caption: string; rows: readonly ShareRow[]; total: number }) {
  return (
    <table className="table table-sm monitoring-shares">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Esito</th>
          <th scope="col" className="text-end">
            Numero
          </th>
          <th scope="col" className="text-end">
            Quota
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.label}</th>
            <td className="text-end">{formatCount(row.count)}</td>
            <td className="text-end">{formatShare(row.share)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Totale</th>
          <td className="text-end">{formatCount(total)}</td>
          <td className="text-end">{formatShare(total > 0 ? 1 : null)}</td>
        </tr>
      </tfoot>
    </table>
  );
}

import { Button } from 'design-react-kit';
import { useState } from 'react';
import { useClient, type CombinedError } from 'urql';
import { ErrorDisplay } from '../../shared/components/ErrorDisplay';
import { SelectField } from '../../shared/components/SelectField';
import { formatDate } from '../../shared/format/calendar';
import { csvBlob, saveBlob } from '../../shared/files/download';
import { dayListFileName, xlsxBlob } from './download';
import { OfficeDayListCsvQuery, OfficeDayListXlsxQuery } from './operations';

type State =
  | { kind: 'idle' }
  | { kind: 'busy'; format: 'csv' | 'xlsx' }
  | { kind: 'done'; fileName: string }
  | { kind: 'failed'; error: CombinedError };

/**
 * "Assegnazione sportelli virtuali / presenza del giorno X": the day's bookings
 * with assignees and outcomes, downloaded as CSV (Italian, `;`) or Excel.
 */
export function DayListDownload({ unitId, officeCode, days }: { unitId: string; officeCode: string; days: string[] }) {
  const client = useClient();
  const [date, setDate] = useState(days[0] ?? '');
  const [state, setState] = useState<State>({ kind: 'idle' });
  const chosen = days.includes(date) ? date : (days[0] ?? '');

  const download = async (format: 'csv' | 'xlsx') => {
    setState({ kind: 'busy', format });
    const variables = { unitId, date: chosen };
    const answer =
      format === 'csv'
        ? await client.query(OfficeDayListCsvQuery, variables, { requestPolicy: 'network-only' }).toPromise()
        : await client.query(OfficeDayListXlsxQuery, variables, { requestPolicy: 'network-only' }).toPromise();
    if (answer.error) {
      setState({ kind: 'failed', error: answer.error });
      return;
    }
    const data = answer.data as { officeDayListCsv?: string; officeDayListXlsx?: string } | undefined;
    const content = format === 'csv' ? data?.officeDayListCsv : data?.officeDayListXlsx;
    if (content === undefined) {
      setState({ kind: 'idle' });
      return;
    }
    const fileName = dayListFileName(officeCode, chosen, format);
    saveBlob(fileName, format === 'csv' ? csvBlob(content) : xlsxBlob(content));
    setState({ kind: 'done', fileName });
  };

  const busy = state.kind === 'busy';
  return (
    <div className="my-3">
      <h3 className="h5">Assegnazione sportelli virtuali / presenza del giorno</h3>
      <div className="d-flex align-items-end gap-3 flex-wrap">
        <SelectField label="Giorno della lista" value={chosen} onChange={setDate} className="mb-0">
          {days.map((d) => (
            <option key={d} value={d}>
              {formatDate(d)}
            </option>
          ))}
        </SelectField>
        <Button color="primary" outline size="sm" disabled={busy} onClick={() => download('csv')}>
          {state.kind === 'busy' && state.format === 'csv' ? 'Preparazione…' : 'Scarica CSV'}
        </Button>
        <Button color="primary" outline size="sm" disabled={busy} onClick={() => download('xlsx')}>
          {state.kind === 'busy' && state.format === 'xlsx' ? 'Preparazione…' : 'Scarica Excel (XLSX)'}
        </Button>
      </div>
      <p role="status" className="small mb-0">
        {state.kind === 'done' ? `File ${state.fileName} scaricato.` : ''}
      </p>
      {state.kind === 'failed' ? <ErrorDisplay error={state.error} headingLevel={4} /> : null}
    </div>
  );
}

import { Button } from 'design-react-kit';
import { useState } from 'react';
import { useClient, type CombinedError } from 'urql';
import { ErrorDisplay } from '../../shared/components/ErrorDisplay';
import { SelectField } from '../../shared/components/SelectField';
import type { CsvDialect } from '../../gql/graphql';
import { csvBlob, saveBlob } from '../../shared/files/download';
import { MonitoringCsvQuery } from './operations';
import { csvFileName, type Selection } from './selection';

type State =
  { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; fileName: string } | { kind: 'failed'; error: CombinedError };

const DIALECT_LABELS: Record<CsvDialect, string> = {
  ITALIAN: 'Excel in italiano (separatore ;)',
  STANDARD: 'CSV standard (separatore ,)',
};

/**
 * "Scarica CSV": asks the API for `statsCsv` of the selection and saves it as
 * a file. Italian by default: the offices' spreadsheets expect `;` and `,` decimals.
 */
export function CsvDownload({ selection }: { selection: Selection }) {
  const client = useClient();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [dialect, setDialect] = useState<CsvDialect>('ITALIAN');

  const download = async () => {
    setState({ kind: 'busy' });
    const { unitCode, from, to } = selection;
    const result = await client
      .query(MonitoringCsvQuery, { unitCode, from, to, dialect }, { requestPolicy: 'network-only' })
      .toPromise();
    if (result.error || result.data?.statsCsv === undefined) {
      if (result.error) setState({ kind: 'failed', error: result.error });
      else setState({ kind: 'idle' });
      return;
    }
    const fileName = csvFileName(selection);
    saveBlob(fileName, csvBlob(result.data.statsCsv));
    setState({ kind: 'done', fileName });
  };

  return (
    <div className="my-3">
      <div className="d-flex align-items-center gap-3 flex-wrap">
        <SelectField
          label="Formato del file"
          value={dialect}
          onChange={(value) => setDialect(value as CsvDialect)}
          className="mb-0"
        >
          {(Object.keys(DIALECT_LABELS) as CsvDialect[]).map((d) => (
            <option key={d} value={d}>
              {DIALECT_LABELS[d]}
            </option>
          ))}
        </SelectField>
        <Button
          color="primary"
          outline
          size="sm"
          onClick={download}
          disabled={state.kind === 'busy'}
          aria-busy={state.kind === 'busy'}
        >
          {state.kind === 'busy' ? 'Preparazione del file…' : 'Scarica CSV'}
        </Button>
        <span role="status" className="small">
          {state.kind === 'done' ? `File ${state.fileName} scaricato.` : ''}
        </span>
      </div>
      {state.kind === 'failed' ? (
        <ErrorDisplay error={state.error} headingLevel={3} headings={{ NOT_FOUND: 'Unità non trovata' }} />
      ) : null}
    </div>
  );
}

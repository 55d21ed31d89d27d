import { Button } from 'design-react-kit';
import { useId, useRef, useState, type DragEvent } from 'react';
import { useMutation } from 'urql';
import { MutationError } from '../../shared/components/MutationError';
import { CupImportMutation } from './operations';
import { ImportReport } from './ImportReport';

const MAX_BYTES = 1024 * 1024;

/** Loads the CUP "VISUALIZZA" export (drag and drop or file button), then shows the import report. */
export function CupImport({ officeCode, onImported }: { officeCode: string; onImported: () => void }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [over, setOver] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [state, importFile] = useMutation(CupImportMutation);

  const choose = (chosen: File | null | undefined) => {
    if (!chosen) return;
    if (chosen.size > MAX_BYTES) {
      setProblem('Il file supera 1 MiB.');
      setFile(null);
      return;
    }
    setProblem(null);
    setFile(chosen);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    choose(event.dataTransfer.files?.[0]);
  };

  return (
    <section aria-labelledby={`${id}-title`} className="my-4">
      <h2 id={`${id}-title`} className="h4">
        Importa export CUP
      </h2>
      <div
        className={`border border-2 rounded p-4 text-center ${over ? 'border-primary bg-light' : 'border-secondary'}`}
        style={{ borderStyle: 'dashed' }}
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        data-testid="cup-dropzone"
      >
        <p className="mb-2">Trascina qui il file CSV dell'export "VISUALIZZA" oppure</p>
        <input
          ref={input}
          id={`${id}-file`}
          type="file"
          accept=".csv,text/csv"
          className="visually-hidden"
          onChange={(event) => choose(event.target.files?.[0])}
        />
        <label htmlFor={`${id}-file`} className="btn btn-outline-primary btn-sm mb-0">
          Scegli il file
        </label>
        <p className="mt-2 mb-0" aria-live="polite">
          {file ? `File scelto: ${file.name}` : 'Nessun file scelto'}
        </p>
      </div>
      {problem ? (
        <p className="text-danger" role="alert">
          {problem}
        </p>
      ) : null}
      <Button
        color="primary"
        className="mt-3"
        disabled={!file || state.fetching}
        onClick={async () => {
          if (!file) return;
          const answer = await importFile({ officeCode, file });
          if (!answer.error) {
            setFile(null);
            if (input.current) input.current.value = '';
            onImported();
          }
        }}
      >
        {state.fetching ? 'Importazione…' : 'Importa'}
      </Button>
      <MutationError error={state.error} />
      <div aria-live="polite">
        {state.data && !state.error ? <ImportReport report={state.data.importCupBookings} /> : null}
      </div>
    </section>
  );
}

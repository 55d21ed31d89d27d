import { Button } from 'design-react-kit';
import { useState } from 'react';
import { useMutation } from 'urql';
import { PrecallsAssignMutation, PrecallsAutoAssignMutation } from '../../features/appointments';
import { StaffPicker, type StaffChoice } from '../../features/people';
import { MutationError } from '../../shared/components/MutationError';

/** Assigns the selected bookings' precalls to a person of the office, or all of the day automatically. */
export function PrecallAssignBar({
  officeCode,
  staff,
  date,
  selectedIds,
  onDone,
}: {
  officeCode: string;
  staff: readonly StaffChoice[];
  date: string;
  selectedIds: string[];
  onDone: () => void;
}) {
  const [username, setUsername] = useState('');
  const [assignState, assign] = useMutation(PrecallsAssignMutation);
  const [autoState, autoAssign] = useMutation(PrecallsAutoAssignMutation);
  const [message, setMessage] = useState<string | null>(null);
  const auto = autoState.data?.autoAssignPrecalls;
  return (
    <div className="border rounded p-3 my-3">
      <div className="d-flex gap-2 align-items-end flex-wrap">
        <StaffPicker
          id="assign-operator"
          label="Operatore per le prechiamate"
          staff={staff}
          value={username}
          onChange={setUsername}
          emptyLabel="Scegli un operatore"
          className="select-wrapper mb-0"
          hint="Solo operatori dell'ufficio con la competenza sul servizio."
        />
        <Button
          color="primary"
          size="sm"
          disabled={selectedIds.length === 0 || !username || assignState.fetching}
          onClick={async () => {
            const answer = await assign({ appointmentIds: selectedIds, username });
            if (!answer.error) {
              const name = staff.find((person) => person.username === username)?.displayName ?? username;
              setMessage(`${selectedIds.length} prechiamate assegnate a ${name}.`);
              onDone();
            }
          }}
        >
          Assegna prechiamate ({selectedIds.length})
        </Button>
        <Button
          color="primary"
          outline
          size="sm"
          disabled={autoState.fetching}
          onClick={async () => {
            const answer = await autoAssign({ officeCode, date });
            if (!answer.error && answer.data) {
              setMessage(
                `Assegnazione automatica: ${answer.data.autoAssignPrecalls.assigned.length} prechiamate assegnate.`,
              );
              onDone();
            }
          }}
        >
          Assegnazione automatica
        </Button>
      </div>
      <MutationError error={assignState.error ?? autoState.error} onReload={onDone} />
      <div aria-live="polite">
        {message ? <p className="mt-2 mb-0">{message}</p> : null}
        {auto && auto.perOperator.length > 0 ? (
          <p className="mb-0">
            Per operatore:{' '}
            {auto.perOperator
              .map(
                (o) =>
                  `${staff.find((person) => person.username === o.username)?.displayName ?? o.username} ${o.count}`,
              )
              .join(', ')}
            .
          </p>
        ) : null}
        {auto && auto.withoutSkilledOperator.length > 0 ? (
          <p className="text-danger mb-0">
            Senza operatore competente:{' '}
            {auto.withoutSkilledOperator.map((a) => `n. ${a.cupNumber} (${a.service?.name ?? ''})`).join(', ')}.
          </p>
        ) : null}
      </div>
    </div>
  );
}

import { Button, Modal, ModalBody, ModalHeader } from 'design-react-kit';
import { useId, useState } from 'react';
import { useMutation } from 'urql';
import { AppointmentCancelMutation, CHANNEL_LABELS, CounterAssignMutation } from '../../features/appointments';
import { StaffPicker, type StaffChoice } from '../../features/people';
import type { AppointmentChannel } from '../../gql/graphql';
import { MutationError } from '../../shared/components/MutationError';
import type { Booking, Office } from './types';

export type BookingAction = { kind: 'counter' | 'cancel'; booking: Booking };

/**
 * A row's action (assign the counter, cancel) in a dialog over the table: it opens where the
 * person clicked, takes the focus, and gives it back to the row's button when it closes (the
 * forms used to open below a table of 50 rows, out of sight).
 */
export function BookingActionDialog({
  action,
  office,
  staff,
  onClose,
  onDone,
  onReload,
}: {
  action: BookingAction;
  office: Office;
  staff: readonly StaffChoice[];
  onClose: () => void;
  onDone: () => void;
  onReload: () => void;
}) {
  const titleId = useId();
  const { booking } = action;
  const title =
    action.kind === 'counter'
      ? `Sportello — prenotazione n. ${booking.cupNumber}`
      : `Annulla la prenotazione n. ${booking.cupNumber}`;
  return (
    <Modal isOpen toggle={onClose} labelledBy={titleId} fade={false} returnFocusAfterClose>
      <ModalHeader toggle={onClose} id={titleId} tag="h2" className="h5">
        {title}
      </ModalHeader>
      <ModalBody>
        <p className="small text-muted">
          {booking.citizenName ?? 'Cittadino'} — {booking.service?.name ?? 'servizio'}
        </p>
        {action.kind === 'counter' ? (
          <CounterAssignForm
            booking={booking}
            office={office}
            staff={staff}
            onClose={onClose}
            onDone={onDone}
            onReload={onReload}
          />
        ) : (
          <CancelForm booking={booking} onClose={onClose} onDone={onDone} onReload={onReload} />
        )}
      </ModalBody>
    </Modal>
  );
}

function CounterAssignForm({
  booking,
  office,
  staff,
  onClose,
  onDone,
  onReload,
}: {
  booking: Booking;
  office: Office;
  staff: readonly StaffChoice[];
  onClose: () => void;
  onDone: () => void;
  onReload: () => void;
}) {
  const [username, setUsername] = useState(
    booking.counter.operator?.username ?? booking.precall.assignee?.username ?? '',
  );
  const channels: AppointmentChannel[] = office.virtualCounter ? ['IN_PERSON', 'VIRTUAL'] : ['IN_PERSON'];
  const [channel, setChannel] = useState<AppointmentChannel>(
    booking.counter.channel && channels.includes(booking.counter.channel)
      ? booking.counter.channel
      : channels.includes(booking.channel)
        ? booking.channel
        : 'IN_PERSON',
  );
  const [state, assign] = useMutation(CounterAssignMutation);
  return (
    <form
      aria-label={`Sportello della prenotazione n. ${booking.cupNumber}`}
      onSubmit={async (e) => {
        e.preventDefault();
        const answer = await assign({
          appointmentId: booking.id,
          username,
          channel,
          version: booking.version,
        });
        if (!answer.error) onDone();
      }}
    >
      <StaffPicker
        id="counter-operator"
        label="Operatore di sportello"
        staff={staff}
        value={username}
        onChange={setUsername}
        emptyLabel="Scegli un operatore"
        className="select-wrapper mb-3"
      />
      <div className="select-wrapper mb-3">
        <label htmlFor="counter-channel">Modalità</label>
        <select id="counter-channel" value={channel} onChange={(e) => setChannel(e.target.value as AppointmentChannel)}>
          {channels.map((c) => (
            <option key={c} value={c}>
              {CHANNEL_LABELS[c]}
            </option>
          ))}
        </select>
      </div>
      <MutationError error={state.error} onReload={onReload} headingLevel={3} />
      <div className="d-flex gap-2">
        <Button type="submit" color="primary" size="sm" disabled={!username || state.fetching}>
          Assegna
        </Button>
        <Button type="button" color="secondary" outline size="sm" onClick={onClose}>
          Chiudi
        </Button>
      </div>
    </form>
  );
}

function CancelForm({
  booking,
  onClose,
  onDone,
  onReload,
}: {
  booking: Booking;
  onClose: () => void;
  onDone: () => void;
  onReload: () => void;
}) {
  const [reason, setReason] = useState('');
  const [state, cancel] = useMutation(AppointmentCancelMutation);
  return (
    <form
      aria-label={`Annullamento della prenotazione n. ${booking.cupNumber}`}
      onSubmit={async (e) => {
        e.preventDefault();
        if (!reason.trim()) return;
        const answer = await cancel({ id: booking.id, reason: reason.trim(), version: booking.version });
        if (!answer.error) onDone();
      }}
    >
      <div className="form-group">
        <label htmlFor="cancel-reason" className="active">
          Motivo dell'annullamento
        </label>
        <input
          type="text"
          id="cancel-reason"
          className="form-control"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          required
          aria-required="true"
        />
      </div>
      <MutationError error={state.error} onReload={onReload} headingLevel={3} />
      <div className="d-flex gap-2">
        <Button type="submit" color="danger" size="sm" disabled={!reason.trim() || state.fetching}>
          Conferma annullamento
        </Button>
        <Button type="button" color="secondary" outline size="sm" onClick={onClose}>
          Chiudi
        </Button>
      </div>
    </form>
  );
}

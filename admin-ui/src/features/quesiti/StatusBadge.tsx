import type { QuesitoStatus } from '../../gql/graphql';
import { STATUS_LABELS } from './labels';

const COLORS: Record<QuesitoStatus, string> = {
  NEW: 'bg-primary',
  IN_PROGRESS: 'bg-warning text-dark',
  WAITING_FOR_CITIZEN: 'bg-info text-dark',
  ANSWERED: 'bg-success',
  FORWARDED_CENTRAL: 'bg-secondary',
  CONVERTED_TO_APPOINTMENT: 'bg-secondary',
  CANCELLED: 'bg-dark',
};

export function StatusBadge({ status }: { status: QuesitoStatus }) {
  return (
    <span className={`badge ${COLORS[status]}`} data-status={status}>
      {STATUS_LABELS[status]}
    </span>
  );
}

import type { ProcuraStatus } from '../../gql/graphql';
import { PROCURA_STATUS_BADGES, PROCURA_STATUS_LABELS } from './labels';

export function ProcuraStatusBadge({ status }: { status: ProcuraStatus }) {
  return (
    <span className={`badge ${PROCURA_STATUS_BADGES[status]}`} data-status={status}>
      {PROCURA_STATUS_LABELS[status]}
    </span>
  );
}

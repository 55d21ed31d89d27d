import type { FollowUpOrigin, FollowUpStatus } from '../../gql/graphql';

export const FOLLOW_UP_ORIGIN_LABELS: Record<FollowUpOrigin, string> = {
  COUNTER_BACK_OFFICE: 'Trasferita al back office',
  PRECALL_EMAIL_PEC: 'Documenti via e-mail/PEC',
};

export const FOLLOW_UP_STATUS_LABELS: Record<FollowUpStatus, string> = {
  OPEN: 'Da fare',
  DONE: 'Completata',
  CANCELLED: 'Annullata',
};

/** "3 attività, di cui 1 in ritardo". */
export function followUpTotals(total: number, late: number): string {
  const items = total === 1 ? '1 attività' : `${total} attività`;
  return late > 0 ? `${items}, di cui ${late} in ritardo` : `${items}, nessuna in ritardo`;
}

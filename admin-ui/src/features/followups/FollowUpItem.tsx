import { Badge } from 'design-react-kit';
import type { ReactNode } from 'react';
import type { FollowUpListQuery } from '../../gql/graphql';
import { formatDate } from '../../shared/format/calendar';
import { CopyField } from './CopyField';
import { FOLLOW_UP_ORIGIN_LABELS, FOLLOW_UP_STATUS_LABELS } from './labels';

export type FollowUp = FollowUpListQuery['followUps']['nodes'][number];

/** "Mario Rossi — prot. PROT-2026-0042": how an item is named in headings and buttons. */
export function followUpName(item: Pick<FollowUp, 'citizenName' | 'protocolNumber'>): string {
  return item.protocolNumber ? `${item.citizenName} — prot. ${item.protocolNumber}` : item.citizenName;
}

/** One item of a follow-up list: who, why, by when, and its actions. */
export function FollowUpItem({
  item,
  showAssignee,
  children,
}: {
  item: FollowUp;
  showAssignee?: boolean;
  children?: ReactNode;
}) {
  return (
    <li className="border-bottom py-3">
      <h3 className="h6 mb-1">{followUpName(item)}</h3>
      <div className="d-flex flex-wrap align-items-center gap-2">
        <span>{FOLLOW_UP_ORIGIN_LABELS[item.origin]}</span>
        <span aria-hidden="true">·</span>
        <span>entro il {formatDate(item.dueOn)}</span>
        {item.overdue ? <Badge color="danger">In ritardo</Badge> : null}
        {item.status !== 'OPEN' ? <Badge color="secondary">{FOLLOW_UP_STATUS_LABELS[item.status]}</Badge> : null}
      </div>
      {showAssignee ? <div>Assegnata a: {item.assignee ?? 'nessuno'}</div> : null}
      {item.outcome ? <div>Esito: {item.outcome}</div> : null}
      {item.status === 'OPEN' && item.documentsSubject ? (
        <div className="my-2">
          <p className="mb-1">Il cittadino invia i documenti per e-mail con questo oggetto:</p>
          <CopyField label="Oggetto dell'e-mail" value={item.documentsSubject} />
          {item.virtualCounterMailbox ? (
            <CopyField label="Indirizzo dello sportello virtuale" value={item.virtualCounterMailbox} />
          ) : (
            <p className="mb-0 text-muted">L'ufficio non ha una casella dello sportello virtuale.</p>
          )}
        </div>
      ) : null}
      {children}
    </li>
  );
}

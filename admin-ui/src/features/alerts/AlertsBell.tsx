import { useId, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { formatDateTime } from '../../shared/format/dateTime';
import { ALERT_KIND_LABELS } from './labels';
import { AlertsQuery, MarkAlertsReadMutation } from './operations';
import { useLiveAlerts } from './useLiveAlerts';

/**
 * The notification area: "Avvisi" with how many are unread, opening the latest
 * alerts; new ones arrive live and update the count. Opening the list marks
 * them read.
 */
export function AlertsBell() {
  const [{ data }, reexecute] = useQuery({ query: AlertsQuery, variables: { first: 20 } });
  const [, markRead] = useMutation(MarkAlertsReadMutation);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  useLiveAlerts(() => reexecute({ requestPolicy: 'network-only' }));

  const unread = data?.alerts.unreadCount ?? 0;
  const alerts = data?.alerts.nodes ?? [];
  const toggle = () => {
    const opening = !open;
    setOpen(opening);
    if (opening && unread > 0) {
      void markRead({}).then(() => reexecute({ requestPolicy: 'network-only' }));
    }
  };

  return (
    <div
      className="position-relative me-3"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          setOpen(false);
          button.current?.focus();
        }
      }}
    >
      <button
        ref={button}
        type="button"
        className="btn btn-sm btn-outline-light"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={toggle}
      >
        Avvisi
        {unread > 0 ? (
          <span className="badge bg-danger ms-2" data-testid="alerts-unread">
            {unread} da leggere
          </span>
        ) : null}
      </button>
      {open ? (
        <div
          id={panelId}
          role="region"
          aria-label="Avvisi"
          className="position-absolute end-0 mt-2 bg-white text-dark shadow rounded p-3 alerts-panel"
        >
          {alerts.length === 0 ? (
            <p className="mb-0">Nessun avviso.</p>
          ) : (
            <ul className="list-unstyled mb-0" aria-label="Ultimi avvisi">
              {alerts.map((alert) => (
                <li key={alert.id} className="border-bottom py-2">
                  <span className="d-block small text-muted">
                    {ALERT_KIND_LABELS[alert.kind]} · {formatDateTime(alert.createdAt)}
                  </span>
                  {alert.title}
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </div>
  );
}

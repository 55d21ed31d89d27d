import { useEffect, useRef } from 'react';
import { useSubscription } from 'urql';
import type { AlertKind } from '../../gql/graphql';
import { LiveAlertsSubscription } from './operations';

export interface LiveAlert {
  id: string;
  kind: AlertKind;
  title: string;
  createdAt: string;
}

/**
 * Calls `onAlert` for every alert pushed to the signed-in person (over the
 * API's WebSocket) whose kind is one of `kinds` (all when omitted): screens use
 * it to refresh what the alert is about without a reload.
 */
export function useLiveAlerts(onAlert: (alert: LiveAlert) => void, kinds?: readonly AlertKind[]) {
  const callback = useRef(onAlert);
  useEffect(() => {
    callback.current = onAlert;
  });
  const [{ data }] = useSubscription({ query: LiveAlertsSubscription });
  const alert = data?.alerts;
  useEffect(() => {
    if (alert && (!kinds || kinds.includes(alert.kind))) callback.current(alert);
    // A new alert is a new object; the kinds are constants of the caller.
    // oxlint-disable-next-line react-hooks/exhaustive-deps
  }, [alert]);
}

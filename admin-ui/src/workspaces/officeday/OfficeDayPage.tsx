import { useState } from 'react';
import { useQuery } from 'urql';
import { CupImport } from '../../features/appointments';
import { useMe } from '../../features/auth';
import { OfficeFollowUpsPanel } from '../../features/followups';
import { OfficeBoardPanel, useOfficeBoardChanges } from '../../features/officeBoard';
import { OfficeDayOfficesQuery } from '../../features/org';
import { EmptyState } from '../../shared/components/EmptyState';
import { ErrorDisplay } from '../../shared/components/ErrorDisplay';
import { Loading } from '../../shared/components/Loading';
import { usePageTitle } from '../../shared/components/usePageTitle';
import { todayInRome } from '../../shared/format/calendar';
import { DayBookings } from './DayBookings';

/** "Giornata d'ufficio": the office director's and room coordinator's day board (docs/domain.md §5). */
export function OfficeDayPage() {
  usePageTitle("Giornata d'ufficio");
  const me = useMe();
  const manages = me.assignments.some((a) => a.role === 'OFFICE_DIRECTOR' || a.role === 'ROOM_COORDINATOR');
  // Cancelling a booking is the office director's (docs/domain.md §3), not the room coordinator's.
  const cancels = me.assignments.some((a) => a.role === 'OFFICE_DIRECTOR');
  const [offices] = useQuery({ query: OfficeDayOfficesQuery, variables: { first: 100 } });
  const officeList = offices.data?.orgUnits.nodes ?? [];
  const [officeCode, setOfficeCode] = useState<string | null>(null);
  const office = officeList.find((o) => o.code === officeCode) ?? officeList[0];
  const [date, setDate] = useState(todayInRome);
  const [reloadKey, setReloadKey] = useState(0);
  // The office's bookings changed (here, in another tab, by a colleague): read the board and the day again.
  const changes = useOfficeBoardChanges(office?.id);

  return (
    <>
      <h1>Giornata d'ufficio</h1>
      {manages ? null : (
        <p className="alert alert-info">
          Consultazione: le assegnazioni spettano al direttore e al coordinatore di sala dell'ufficio.
        </p>
      )}
      <ErrorDisplay error={offices.error} />
      {offices.fetching && !offices.data ? <Loading /> : null}
      {offices.data && officeList.length === 0 ? <EmptyState title="Nessun ufficio tra le tue unità" /> : null}
      {office ? (
        <>
          <div className="d-flex gap-4 flex-wrap mb-4">
            <div className="select-wrapper" style={{ minWidth: '16rem' }}>
              <label htmlFor="day-office">Ufficio</label>
              <select id="day-office" value={office.code} onChange={(e) => setOfficeCode(e.target.value)}>
                {officeList.map((o) => (
                  <option key={o.code} value={o.code}>
                    {o.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="form-group mb-0">
              <label htmlFor="day-date" className="active">
                Giorno
              </label>
              <input
                id="day-date"
                type="date"
                className="form-control"
                value={date}
                onChange={(e) => e.target.value && setDate(e.target.value)}
              />
            </div>
          </div>
          <CupImport officeCode={office.code} onImported={() => setReloadKey((k) => k + 1)} />
          <OfficeBoardPanel
            key={`board:${office.code}:${reloadKey}`}
            unitId={office.id}
            officeCode={office.code}
            changes={changes}
          />
          <DayBookings
            key={`${office.code}:${reloadKey}`}
            office={office}
            date={date}
            readOnly={!manages}
            cancels={cancels}
            changes={changes}
          />
          <OfficeFollowUpsPanel key={office.code} officeCode={office.code} readOnly={!manages} />
        </>
      ) : null}
    </>
  );
}

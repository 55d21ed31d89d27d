// Days as the tests need them. The demo's bookings sit on the working days of
// their office (weekends, holidays and patron saints skipped), so a test asks
// the API on which day a booking is instead of counting calendar days.
import { graphqlAs } from './api.mjs';

/** Today + n calendar days in Europe/Rome as yyyy-mm-dd (a date input's value). */
export function romeDay(n = 0) {
  const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' })
    .format(new Date())
    .split('-')
    .map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** yyyy-mm-dd as the app and the CUP files write it: dd/mm/yyyy. */
export function italianDate(isoDate) {
  return isoDate.split('-').reverse().join('/');
}

/** The day (yyyy-mm-dd) of the demo booking `cupNumber` of `officeCode`, as `username` sees it. */
export async function bookingDay(baseUrl, username, officeCode, cupNumber) {
  const data = await graphqlAs(
    baseUrl,
    username,
    `query($f: AppointmentFilter) {
      appointments(filter: $f, first: 100) { nodes { cupNumber date } }
    }`,
    { f: { officeCode, from: romeDay(0), to: romeDay(60) } },
  );
  const booking = data.appointments.nodes.find((a) => a.cupNumber === cupNumber);
  if (!booking) throw new Error(`no booking ${cupNumber} at ${officeCode} in the next 60 days`);
  return booking.date;
}

/** The first day from today + n on which `officeCode` opens, asked of its calendar. */
export async function openDay(baseUrl, username, officeCode, n = 0) {
  const data = await graphqlAs(
    baseUrl,
    username,
    'query($u: String!, $f: DateTime) { unitCalendar(unitCode: $u) { nextOpenSlots(from: $f, minutes: 15, count: 1) } }',
    { u: officeCode, f: `${romeDay(n)}T00:00:00Z` },
  );
  return data.unitCalendar.nextOpenSlots[0].slice(0, 10);
}

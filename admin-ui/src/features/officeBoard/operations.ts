import { graphql } from '../../gql';

export const OfficeBoardDaysQuery = graphql(`
  query OfficeBoardDays($unitId: ID!, $days: Int, $assignee: String) {
    officeBoard(unitId: $unitId, days: $days, assignee: $assignee) {
      from
      to
      alarmUntil
      days { date bookings toPrecall assigned precalled reached late coverage }
      totals { bookings toPrecall assigned precalled reached late coverage }
      alarms(first: 0) { totalCount }
      noReply(first: 0) { totalCount }
    }
  }
`);

export const OfficeBoardAlarmsQuery = graphql(`
  query OfficeBoardAlarms($unitId: ID!, $days: Int, $assignee: String, $first: Int, $after: String) {
    officeBoard(unitId: $unitId, days: $days, assignee: $assignee) {
      alarms(first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        nodes {
          notEvenAssigned
          attempted
          appointment {
            id
            cupNumber
            date
            time
            citizenName
            service { name }
            precall { status outcome reason assignee { username displayName } }
          }
        }
      }
    }
  }
`);

export const OfficeBoardNoReplyQuery = graphql(`
  query OfficeBoardNoReply($unitId: ID!, $days: Int, $assignee: String, $first: Int, $after: String) {
    officeBoard(unitId: $unitId, days: $days, assignee: $assignee) {
      noReply(first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        nodes {
          id
          cupNumber
          date
          time
          citizenName
          precontact { sentAt }
          precall { status assignee { username displayName } }
        }
      }
    }
  }
`);

export const OfficeBoardBookingsQuery = graphql(`
  query OfficeBoardBookings(
    $unitId: ID!
    $days: Int
    $assignee: String
    $result: PrecallResult
    $first: Int
    $after: String
  ) {
    officeBoard(unitId: $unitId, days: $days, assignee: $assignee) {
      bookings(result: $result, first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        nodes {
          id
          cupNumber
          date
          time
          citizenName
          channel
          service { name }
          precall { status result assignee { username displayName } }
        }
      }
    }
  }
`);

export const OfficeDayListCsvQuery = graphql(`
  query OfficeDayListCsv($unitId: ID!, $date: NaiveDate!) {
    officeDayListCsv(unitId: $unitId, date: $date, dialect: ITALIAN)
  }
`);

export const OfficeDayListXlsxQuery = graphql(`
  query OfficeDayListXlsx($unitId: ID!, $date: NaiveDate!) {
    officeDayListXlsx(unitId: $unitId, date: $date)
  }
`);

export const OfficeBoardStaffQuery = graphql(`
  query OfficeBoardStaff($officeCode: String!) {
    officeStaff(officeCode: $officeCode) { username displayName }
  }
`);

export const OfficeBoardChangedSubscription = graphql(`
  subscription OfficeBoardChanged($unitId: ID!) {
    officeBoardChanged(unitId: $unitId) {
      unitId
      seenAt
    }
  }
`);

import { graphql } from '../../gql';

/** Every figure of a unit (or a child unit) for the period: what the cards and the child table show. */
export const MonitoringFiguresFragment = graphql(`
  fragment MonitoringFigures on StatsFigures {
    appointments {
      bookings
      cancelled
      toPrecall
      precalled
      precalledInTime
      precallCoverage
      notContactable
      negative
      positive
      servedRemotely
      redirectedEmailPec
      confirmedVirtual
      confirmedInPerson
      cancelledByCitizen
      servedWithoutCounter
      servedWithoutCounterShare
      notReachingCounter
      notReachingCounterShare
      sessions
      counterSessions {
        channel
        outcome
        count
      }
      sessionsOver15Minutes
      completedOver15Minutes
      transfersToBackOffice
      noShows
    }
    callbacks {
      requested
      waiting
      served
      resolved
      routedInternally
      noAnswer
    }
    quesiti {
      section
      received
      answered
      backlog
      forwarded
      slaBreaches
      medianAnswerHours
    }
    followUps {
      opened
      closed
      done
      cancelled
      stillOpen
      overdue
      medianClosingHours
    }
  }
`);

export const MonitoringStatsQuery = graphql(`
  query MonitoringStats($unitCode: String!, $from: NaiveDate!, $to: NaiveDate!) {
    stats(unitCode: $unitCode, from: $from, to: $to) {
      unit {
        id
        code
        name
        kind
        parent {
          id
          code
          name
        }
      }
      from
      to
      figures {
        ...MonitoringFigures
      }
      children {
        unit {
          id
          code
          name
          kind
        }
        figures {
          ...MonitoringFigures
        }
      }
      daily {
        date
        figures {
          appointments {
            bookings
            sessions
            notReachingCounter
          }
          callbacks {
            requested
          }
          quesiti {
            section
            received
          }
        }
      }
    }
  }
`);

export const MonitoringCsvQuery = graphql(`
  query MonitoringCsv($unitCode: String!, $from: NaiveDate!, $to: NaiveDate!, $dialect: CsvDialect!) {
    statsCsv(unitCode: $unitCode, from: $from, to: $to, dialect: $dialect)
  }
`);

/** The figures per person (per operator, per expert) and per classification, for the tables below the unit's figures. */
export const MonitoringPeopleQuery = graphql(`
  query MonitoringPeople($unitCode: String!, $from: NaiveDate!, $to: NaiveDate!) {
    stats(unitCode: $unitCode, from: $from, to: $to) {
      unit {
        id
        code
      }
      operators {
        personId
        name
        unit {
          id
          code
          name
        }
        precallsAssigned
        precallsDone
        precallsInTime
        precallsInTimeShare
        sessions
        sessionsByOutcome {
          outcome
          count
        }
        medianSessionMinutes
        sessionsOver15Minutes
        followUpsOpen
        followUpsOverdue
      }
      experts {
        personId
        name
        unit {
          id
          code
          name
        }
        taken
        answered
        medianAnswerHours
        slaBreaches
        openNow
      }
      classifications {
        section
        code
        label
        received
      }
    }
  }
`);

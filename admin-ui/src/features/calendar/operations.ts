import { graphql } from '../../gql';

export const UnitCalendarShowQuery = graphql(`
  query UnitCalendarShow($unitCode: String!) {
    unitCalendar(unitCode: $unitCode) {
      unitCode
      hoursText
      hours { weekday opens closes }
      closures { id firstDay lastDay yearly reason unitId }
    }
  }
`);

export const UnitCalendarSetHoursMutation = graphql(`
  mutation UnitCalendarSetHours($unitCode: String!, $hours: [OpeningIntervalInput!]!) {
    setOpeningHours(unitCode: $unitCode, hours: $hours) {
      unitCode
      hoursText
      hours { weekday opens closes }
    }
  }
`);

export const UnitClosureAddMutation = graphql(`
  mutation UnitClosureAdd($input: UnitClosureInput!) {
    addUnitClosure(input: $input) { id firstDay lastDay yearly reason unitId }
  }
`);

export const UnitClosureRemoveMutation = graphql(`
  mutation UnitClosureRemove($id: ID!) {
    removeUnitClosure(id: $id)
  }
`);

export const OfficeFunctionMailboxQuery = graphql(`
  query OfficeFunctionMailbox($code: String!) {
    orgUnit(code: $code) { code functionMailbox }
  }
`);

export const OfficeFunctionMailboxSetMutation = graphql(`
  mutation OfficeFunctionMailboxSet($officeCode: String!, $functionMailbox: String) {
    setOfficeFunctionMailbox(officeCode: $officeCode, functionMailbox: $functionMailbox) { code functionMailbox }
  }
`);

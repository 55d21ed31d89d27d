import { graphql } from '../../gql';

export const FaqSearchQuery = graphql(`
  query FaqSearch(
    $search: String
    $section: Section
    $includeRetired: Boolean
    $orderBy: FaqEntryOrder
    $first: Int
    $after: String
  ) {
    faqEntries(
      search: $search
      section: $section
      includeRetired: $includeRetired
      orderBy: $orderBy
      first: $first
      after: $after
    ) {
      totalCount
      nodes {
        id
        section
        question
        answer
        tags
        status
        sourceQuesitoId
        version
        updatedAt
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const FaqPublishMutation = graphql(`
  mutation FaqPublish($input: PublishFaqInput!) {
    publishFaq(input: $input) {
      id
      status
    }
  }
`);

export const FaqUpdateMutation = graphql(`
  mutation FaqUpdate($id: ID!, $input: UpdateFaqInput!, $expectedVersion: Int) {
    updateFaq(id: $id, input: $input, expectedVersion: $expectedVersion) {
      id
      question
      answer
      tags
      version
      updatedAt
    }
  }
`);

export const FaqRetireMutation = graphql(`
  mutation FaqRetire($id: ID!) {
    retireFaq(id: $id) {
      id
      status
      version
    }
  }
`);

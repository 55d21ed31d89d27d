import { graphql } from '../../gql';

export const AccountSessionsQuery = graphql(`
  query AccountSessions {
    mySessions {
      id
      startedAt
      lastUsedAt
      expiresAt
      userAgent
      device
      current
    }
  }
`);

export const AccountEndSessionMutation = graphql(`
  mutation AccountEndSession($id: ID!) {
    endSession(id: $id)
  }
`);

export const AccountEndOtherSessionsMutation = graphql(`
  mutation AccountEndOtherSessions {
    endOtherSessions
  }
`);

export const AccountChangePasswordMutation = graphql(`
  mutation AccountChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }
`);

export const AccountResetPasswordMutation = graphql(`
  mutation AccountResetPassword($token: String!, $newPassword: String!) {
    resetPassword(token: $token, newPassword: $newPassword)
  }
`);

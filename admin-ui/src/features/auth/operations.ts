import { graphql } from '../../gql';

export const SessionLoginMutation = graphql(`
  mutation SessionLogin($username: String!, $password: String!) {
    login(username: $username, password: $password) {
      token
      expiresAt
      me {
        id
        username
      }
    }
  }
`);

export const SessionLogoutMutation = graphql(`
  mutation SessionLogout {
    logout
  }
`);

export const MeShowQuery = graphql(`
  query MeShow {
    me {
      id
      username
      displayName
      mustChangePassword
      assignments {
        role
        unitCode
        unitName
        section
      }
    }
  }
`);

export const SignInOptionsQuery = graphql(`
  query SignInOptions {
    signInOptions {
      sso
      passwordLogin
    }
  }
`);

export const CompleteSsoSignInMutation = graphql(`
  mutation CompleteSsoSignIn($code: String!) {
    completeSsoSignIn(code: $code) {
      token
      expiresAt
      me {
        id
        username
      }
    }
  }
`);

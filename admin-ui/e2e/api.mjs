// Straight to the API, to prepare or look up data a screen then works on.
import assert from 'node:assert/strict';

/** A GraphQL request with an optional bearer token; fails the test on any error. */
export async function graphql(baseUrl, query, variables = {}, token) {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const json = await response.json();
  assert.equal(json.errors, undefined, JSON.stringify(json.errors));
  return json.data;
}

/** A GraphQL request as a demo account (password `demo`). */
export async function graphqlAs(baseUrl, username, query, variables = {}) {
  const { login } = await graphql(
    baseUrl,
    'mutation($u: String!) { login(username: $u, password: "demo") { token } }',
    { u: username },
  );
  return graphql(baseUrl, query, variables, login.token);
}

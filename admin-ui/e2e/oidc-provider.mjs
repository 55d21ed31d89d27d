// A real OpenID provider for the tests (node-oidc-provider, OpenID-certified),
// on loopback, with one confidential test client and a few people. Used by the
// browser tests (import `startOidcProvider`) and by the Rust integration tests,
// which run this file with Node:
//
//   node e2e/oidc-provider.mjs --redirect-uri http://127.0.0.1:PORT/auth/oidc/callback
//
// and read its first line of output, `{"issuer":"http://127.0.0.1:PORT"}`.
// The sign-in page is a bare form (any listed username, password `sso-test`);
// consent is granted by itself, as a company's provider does for its own apps.
import { generateKeyPairSync } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import Provider from 'oidc-provider';

export const TEST_CLIENT = { id: 'accoglienza-test', secret: 'accoglienza-test-secret' };
export const TEST_PASSWORD = 'sso-test';

/** People the provider knows. `sconosciuto` exists here but not in Accoglienza. */
const PEOPLE = ['op.cagliari1', 'op2.cagliari1', 'sconosciuto'];

const subjectOf = (username) => `sub-${username}`;

function account(username) {
  return {
    accountId: subjectOf(username),
    claims: () => ({
      sub: subjectOf(username),
      preferred_username: username,
      name: username,
      email: `${username}@agenzia.example.it`,
      email_verified: true,
    }),
  };
}

function signingKey() {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid: 'test-key', use: 'sig', alg: 'RS256' };
}

const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function loginForm(uid, error) {
  return `<!doctype html><html lang="it"><head><title>Fornitore di identità di prova</title></head><body>
<h1>Fornitore di identità di prova</h1>
${error ? `<p role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<label>Nome utente <input name="login" autocomplete="username"></label>
<label>Password <input name="password" type="password"></label>
<button type="submit">Entra</button>
</form></body></html>`;
}

async function readForm(req) {
  let body = '';
  for await (const chunk of req) body += chunk;
  return Object.fromEntries(new URLSearchParams(body));
}

/** The sign-in page and its form, in front of the provider's own routes. */
function interactions(provider) {
  return async (ctx, next) => {
    const match = /^\/interaction\/([^/]+)(\/login)?$/.exec(ctx.path);
    if (!match) return next();
    const details = await provider.interactionDetails(ctx.req, ctx.res);
    if (ctx.method === 'GET') {
      ctx.type = 'html';
      ctx.body = loginForm(details.uid);
      return undefined;
    }
    const { login, password } = await readForm(ctx.req);
    if (!PEOPLE.includes(login) || password !== TEST_PASSWORD) {
      ctx.type = 'html';
      ctx.body = loginForm(details.uid, 'Credenziali non valide');
      return undefined;
    }
    const result = { login: { accountId: subjectOf(login) } };
    await provider.interactionFinished(ctx.req, ctx.res, result, { mergeWithLastSubmission: false });
    ctx.respond = false;
    return undefined;
  };
}

/** Consent granted by itself for the scopes asked (no consent screen). */
async function loadExistingGrant(ctx) {
  const { provider, client, session, result } = ctx.oidc;
  const grantId = result?.consent?.grantId || session.grantIdFor(client.clientId);
  if (grantId) {
    const existing = await provider.Grant.find(grantId);
    if (existing) return existing;
  }
  const grant = new provider.Grant({ clientId: client.clientId, accountId: session.accountId });
  grant.addOIDCScope('openid profile email');
  await grant.save();
  return grant;
}

/**
 * Starts the provider on loopback.
 * @param {{ redirectUris: string[], port?: number }} options
 * @returns {Promise<{ issuer: string, stop: () => Promise<void> }>}
 */
export async function startOidcProvider({ redirectUris, port = 0 }) {
  const server = (await import('node:http')).createServer();
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: TEST_CLIENT.id,
        client_secret: TEST_CLIENT.secret,
        redirect_uris: redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [signingKey()] },
    cookies: { keys: ['accoglienza-test-cookies'] },
    claims: { openid: ['sub'], profile: ['name', 'preferred_username'], email: ['email', 'email_verified'] },
    // The claims of the scopes asked go in the ID token (the app reads no userinfo).
    conformIdTokenClaims: false,
    findAccount: (_ctx, sub) => {
      const username = PEOPLE.find((p) => subjectOf(p) === sub);
      return username ? account(username) : undefined;
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    loadExistingGrant,
    features: { devInteractions: { enabled: false } },
  });
  provider.use(interactions(provider));
  server.on('request', provider.callback());
  const stop = () => new Promise((resolve) => server.close(() => resolve()));
  return { issuer, stop };
}

/** `node oidc-provider.mjs --redirect-uri URL [--redirect-uri URL…] [--port N]` */
async function main() {
  const args = process.argv.slice(2);
  const redirectUris = [];
  let port = 0;
  for (let i = 0; i < args.length; i += 2) {
    if (args[i] === '--redirect-uri') redirectUris.push(args[i + 1]);
    else if (args[i] === '--port') port = Number(args[i + 1]);
    else throw new Error(`unknown argument ${args[i]}`);
  }
  const { issuer } = await startOidcProvider({ redirectUris, port });
  process.stdout.write(`${JSON.stringify({ issuer })}\n`);
  // Ends with its parent: the test closes stdin (or the pipe breaks).
  process.stdin.resume();
  process.stdin.on('end', () => process.exit(0));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}

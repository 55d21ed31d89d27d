// Starts the real API server binary with a fresh SQLite database and the demo
// data, serving the built app (admin-ui/dist), and stops it afterwards.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const adminUiDir = resolve(here, '..');
export const repoRoot = resolve(adminUiDir, '..');

/** `API_BIN`, else the debug build in `$CARGO_TARGET_DIR` (default `~/.cache/accoglienza/target`). */
export function apiBinary() {
  if (process.env.API_BIN) return process.env.API_BIN;
  const targetDir = process.env.CARGO_TARGET_DIR || join(homedir(), '.cache', 'accoglienza', 'target');
  return join(targetDir, 'debug', 'api');
}

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * `port` (default: a free one) and `env` (more variables, e.g. `OIDC_*`) are for the tests that
 * need to know the address before the server starts (a provider's redirect URI).
 * @returns {Promise<{ baseUrl: string, mailDir: string, logs: () => string, stop: () => Promise<void> }>}
 */
export async function startServer({ timeoutMs = 60_000, port: chosenPort, env = {} } = {}) {
  const binary = apiBinary();
  if (!existsSync(binary)) {
    throw new Error(`API server binary not found at ${binary}: build it (cargo build -p api) or set API_BIN.`);
  }
  const uiDir = join(adminUiDir, 'dist');
  if (!existsSync(join(uiDir, 'index.html'))) {
    throw new Error(`No built app in ${uiDir}: run \`npm run build\` first (\`npm run e2e\` does).`);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'accoglienza-e2e-'));
  const port = chosenPort ?? (await freePort());
  const baseUrl = `http://127.0.0.1:${port}`;
  let output = '';
  const mailDir = join(dataDir, 'mail');
  const child = spawn(binary, [], {
    cwd: repoRoot,
    env: {
      ...process.env,
      DATABASE_URL: `sqlite://${join(dataDir, 'e2e.sqlite')}?mode=rwc`,
      // The outbox's e-mails go with the database, removed after the run.
      OUTBOX_MAIL_DIR: mailDir,
      // Links in e-mails (password reset) lead back to this server.
      PUBLIC_URL: baseUrl,
      BIND_ADDR: `127.0.0.1:${port}`,
      APP_ENV: 'development',
      SEED_DEMO: 'true',
      UI_DIR: uiDir,
      REDIS_URL: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((r) => child.once('exit', (code, signal) => r({ code, signal })));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`API server exited with ${child.exitCode} before it was ready:\n${output}`);
    }
    try {
      const response = await fetch(`${baseUrl}/readyz`);
      if (response.status === 200) return { baseUrl, mailDir, logs: () => output, stop };
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  await stop();
  throw new Error(`API server not ready within ${timeoutMs} ms:\n${output}`);
}

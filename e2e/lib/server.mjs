// A server of a test's own, for the walk-throughs that need settings the
// shared server of run.sh does not have (email verification on, a host
// name rather than an IP address for WebAuthn). It runs the binary
// run.sh built and keeps everything it prints, where the tests find the
// links and passwords a newcomer would read there.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

function freePort() {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/**
 * startServer starts `accord serve` with args on a free port, reached at
 * http://HOST:PORT (host 127.0.0.1 unless given), with env added to the
 * test's and unset where a value is undefined, and waits until it is
 * ready. It returns { base, output(), waitFor(what, find, ms), stop() }.
 */
export async function startServer({ name, host = '127.0.0.1', args = [], env = {} }) {
  const binary = process.env.ACCORD_E2E_BINARY;
  if (!binary) throw new Error('ACCORD_E2E_BINARY is not set: start the tests with e2e/run.sh');
  const dataDir = mkdtempSync(join(tmpdir(), `accord-e2e-${name}-`));
  const port = await freePort();
  const base = `http://${host}:${port}`;
  const all = { ...process.env, ACCORD_LISTEN: `127.0.0.1:${port}`, ACCORD_DATA_DIR: dataDir, ACCORD_BASE_URL: base };
  delete all.ACCORD_SMTP_URL;
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete all[k];
    else all[k] = v;
  }
  let output = '';
  const server = spawn(binary, ['serve', ...args], { env: all, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout.on('data', (d) => { output += d; });
  server.stderr.on('data', (d) => { output += d; });

  /** waitFor polls until find returns something, or fails after ms. */
  async function waitFor(what, find, ms = 60000) {
    const until = Date.now() + ms;
    for (;;) {
      const found = await find();
      if (found) return found;
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}; server output:\n${output.slice(-3000)}`);
      await sleep(250);
    }
  }

  async function stop() {
    if (server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
    }
    rmSync(dataDir, { recursive: true, force: true });
  }

  try {
    await waitFor('the server to be ready', () => fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false));
  } catch (err) {
    await stop();
    throw err;
  }
  return { base, output: () => output, waitFor, stop };
}

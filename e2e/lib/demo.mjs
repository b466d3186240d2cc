// The demonstration accounts of the server under test. `accord serve
// --demo` prints one sign-in per role, with a password new at every start;
// run.sh keeps the server's output in a file and names it in
// ACCORD_E2E_SERVER_LOG, so that a test can act as a coordinator.
import { readFile } from 'node:fs/promises';

/** demoAccount reads the printed password of the demo account email. */
export async function demoAccount(email) {
  const log = process.env.ACCORD_E2E_SERVER_LOG;
  if (!log) {
    throw new Error('ACCORD_E2E_SERVER_LOG is not set: start the tests with e2e/run.sh, or point it at the output of `accord serve --demo`');
  }
  const text = await readFile(log, 'utf8');
  // "  coordinator  coordinator.mena@demo.accord.example   PASSWORD  note"
  const escaped = email.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const line = text.match(new RegExp(`^\\s*(\\S+)\\s+${escaped}\\s+(\\S+)`, 'm'));
  if (!line) throw new Error(`no demo account ${email} in ${log}: was the server started with --demo?`);
  return { role: line[1], email, password: line[2] };
}

/**
 * `npm run replay` as an operator runs it: the CLI as its own process against
 * a real server process holding the demo dataset.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { PROJECTIONS } from '../../projections/index.ts';
import { ADMIN_KEY, getJson, startServer, stopServer } from './server-process.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function replay(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/replay.ts', ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

t.test('replay --all rebuilds the demo read models of a running service', async (t) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'ledger-replay-'));
  t.teardown(() => rm(dataDir, { recursive: true, force: true }));
  const server = await startServer({ DATA_DIR: dataDir, SQLITE_DURABILITY: 'normal' }, ['--demo']);
  t.teardown(() => stopServer(server));
  const until = Date.now() + 60_000;
  while ((await getJson(`${server.url}/ready`)).body.status !== 'ready' && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 200));
  const before = await getJson(`${server.url}/dashboards/overview`);
  t.equal(before.status, 200);

  const env = { DATA_DIR: dataDir, ADMIN_API_KEY: ADMIN_KEY };
  const result = await replay(['--all', '--url', server.url], env);
  t.equal(result.code, 0, 'replay --all exits 0', { stderr: result.stderr });
  // A rebuild of projection version N is version N.1.
  const rebuilt = Object.fromEntries(PROJECTIONS.map((projection) => [projection.name, `${projection.version}.1`]));
  t.match(result.stderr, `Rebuilding ${PROJECTIONS.map((p) => `${p.name} (version ${rebuilt[p.name]})`).join(', ')}`);
  t.match(result.stdout, new RegExp(`Rebuilt 4 projections in [\\d.]+ s:\\n\\s+register\\s+live on version ${rebuilt.register?.replace('.', '\\.')}, [\\d,]+ events/s`));
  t.comment(result.stdout);

  const status = await getJson(`${server.url}/admin/projections`);
  t.ok(
    (status.body.projections as { name: string; version: string; state: string }[]).every((p) => p.version === rebuilt[p.name] && p.state === 'live'),
    'every projection is live on its rebuilt version',
  );
  t.same((await getJson(`${server.url}/dashboards/overview`)).body, before.body, 'the dashboards answer as before');

  const unknown = await replay(['ledger', '--url', server.url], env);
  t.equal(unknown.code, 2);
  t.match(unknown.stderr, /No projection named ledger/);
});

t.test('replay without a running service explains why it cannot rebuild', async (t) => {
  const result = await replay(['--all', '--url', 'http://127.0.0.1:9'], { ADMIN_API_KEY: ADMIN_KEY });
  t.equal(result.code, 1);
  t.match(result.stderr, /cannot reach the service at http:\/\/127\.0\.0\.1:9/);
  t.match(result.stderr, /In-memory read models .* at every start/);
});

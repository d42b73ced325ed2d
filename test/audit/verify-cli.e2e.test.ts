import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import t from 'tap';
import { seedDemoStore } from '../../src/demo/seed.ts';
import { createLedger } from '../../src/event-store/ledger.ts';
import { createSqliteEventStore } from '../../src/event-store/sqlite.ts';
import { runCli } from '../support/run-cli.ts';

const verifyCli = (dataDir: string, ...args: string[]) => runCli('audit-verify.ts', dataDir, args);

t.test('audit:verify on the demo ledger names the one edited event, passes once the edit is undone, and catches a deletion', async (t) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'audit-verify-'));
  t.teardown(() => rm(dataDir, { recursive: true, force: true }));
  const path = join(dataDir, 'events.db');
  const ledger = createLedger(createSqliteEventStore({ path }));
  await seedDemoStore(ledger);
  await ledger.close();

  const clean = await verifyCli(dataDir);
  t.equal(clean.code, 0, clean.stdout + clean.stderr);
  t.match(clean.stdout, /^OK every chain intact: [\d,]+ events in [\d,]+ streams/);
  const digest = /heads digest ([0-9a-f]{64})/.exec(clean.stdout)?.[1];
  t.ok(digest, 'prints the heads digest');

  const disk = new Database(path);
  t.teardown(() => disk.close());
  // A partnership with a long history: pick an activity in the middle of it.
  const target = disk
    .prepare(
      `SELECT stream, revision, data FROM events
       WHERE type = 'ActivityRecorded' AND stream IN (
         SELECT stream FROM events WHERE stream LIKE 'partnership-%' GROUP BY stream HAVING COUNT(*) >= 10 LIMIT 1)
       ORDER BY revision LIMIT 1 OFFSET 2`,
    )
    .get() as { stream: string; revision: number; data: string };
  t.ok(target, 'found a long partnership history');
  disk.prepare(`UPDATE events SET data = json_set(data, '$.participants', 9999) WHERE stream = ? AND revision = ?`).run(target.stream, target.revision);

  const edited = await verifyCli(dataDir);
  t.equal(edited.code, 1, 'exit code 1 when a link is broken');
  t.match(edited.stdout, /^BROKEN 1 of [\d,]+ streams/);
  t.match(edited.stdout, `  ${target.stream} revision ${target.revision}: content-altered`);
  t.equal(edited.stdout.match(/ revision \d+: /g)?.length, 1, 'exactly one broken link reported');

  const one = await verifyCli(dataDir, '--stream', target.stream, '--json');
  t.equal(one.code, 1);
  t.match(JSON.parse(one.stdout), { scope: 'stream', ok: false, broken: { stream: target.stream, revision: target.revision, kind: 'content-altered' } });

  disk.prepare('UPDATE events SET data = ? WHERE stream = ? AND revision = ?').run(target.data, target.stream, target.revision);
  const undone = await verifyCli(dataDir);
  t.equal(undone.code, 0, undone.stdout);
  t.match(undone.stdout, `heads digest ${digest}`, 'the same log gives the same digest');

  const unknown = await verifyCli(dataDir, '--stream', 'partnership-nobody');
  t.equal(unknown.code, 2, 'an unknown stream is exit code 2');
  t.match(unknown.stderr, /No stream partnership-nobody/);

  const middle = Math.floor(target.revision / 2) + 1;
  disk.prepare('DELETE FROM events WHERE stream = ? AND revision = ?').run(target.stream, middle);
  const deleted = await verifyCli(dataDir);
  t.equal(deleted.code, 1);
  t.match(deleted.stdout, `  ${target.stream} revision ${middle}: revision-missing — revision ${middle} is missing`);
});

t.test('audit:verify refuses unknown options with usage and exit code 2', async (t) => {
  const run = await verifyCli(tmpdir(), '--strem', 'x');
  t.equal(run.code, 2);
  t.match(run.stderr, /Usage: npm run audit:verify/);
  const help = await verifyCli(tmpdir(), '--help');
  t.equal(help.code, 0);
  t.match(help.stdout, /--stream <name>/);
});

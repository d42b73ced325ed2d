/**
 * The history export of a campaign with 5,000 enrolments, from a real
 * server: the export streams what each event changed (not the whole state
 * on every row, which grew the file with the square of the history), its
 * memory stays bounded, and `/health` answers all along.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { campaignDecider, campaignStream } from '../../commands/campaign/index.ts';
import { createCommandHandler } from '../../src/commands/handle-command.ts';
import { createLedger } from '../../src/event-store/ledger.ts';
import { createSqliteEventStore } from '../../src/event-store/sqlite.ts';
import { adminAuth, startServer, stopServer } from '../e2e/server-process.ts';
import { http, tempDir } from './support.ts';

const ENROLMENTS = 5000;

/** A field of /proc/<pid>/status in MB, e.g. VmRSS (now) or VmHWM (the peak so far). */
function memoryMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith(`${field}:`)) ?? '';
  return Math.round(Number(/(\d+)/.exec(line)?.[1] ?? 0) / 1024);
}

t.test(`a campaign history of ${ENROLMENTS.toLocaleString('en')} enrolments exports in bounded memory while /health answers`, async (t) => {
  const dataDir = tempDir(t, 'export');
  const campaignId = randomUUID();
  // The campaign is written through the command handler with the real decider, straight into the server's store.
  const store = createLedger(createSqliteEventStore({ path: join(dataDir, 'events.db'), durability: 'off' }));
  const handle = createCommandHandler({ store, clock: () => new Date().toISOString(), newId: randomUUID, conflictRetries: 5, cacheSize: 10 });
  const metadata = () => ({ actor: 'test-setup', office: '370000', correlationId: randomUUID() });
  const stream = campaignStream(campaignId);
  const launch = { name: '激活友城专项行动', startsOn: '2021-01-01', endsOn: '2022-12-31', date: '2021-01-01' };
  await handle(campaignDecider, stream, { type: 'LaunchCampaign', id: campaignId, data: launch }, metadata());
  for (let n = 0; n < ENROLMENTS; n++) {
    const data = { partnershipId: randomUUID(), date: '2021-06-01' };
    await handle(campaignDecider, stream, { type: 'EnrollPartnership', id: campaignId, data }, metadata());
  }
  await store.close();

  const server = await startServer({ DATA_DIR: dataDir, READ_MODEL_STORE: 'memory', RATE_LIMIT_PER_MINUTE: '0' }, [], { logs: 'startup' });
  t.teardown(() => stopServer(server));
  const pid = server.child.pid as number;
  // The exports are measured on a quiet server: the read models have caught up first.
  const booted = performance.now();
  while ((await http(`${server.url}/ready`)).body.status !== 'ready') await new Promise((resolve) => setTimeout(resolve, 100));
  t.comment(`ready ${((performance.now() - booted) / 1000).toFixed(1)} s after listening`);
  const before = memoryMb(pid, 'VmRSS');

  for (const format of ['csv', 'jsonl'] as const) {
    let exporting = true;
    const health: number[] = [];
    let unanswered = 0;
    const polling = (async () => {
      while (exporting) {
        const started = performance.now();
        try {
          const answer = await http(`${server.url}/health`, { timeoutMs: 2000 });
          if (answer.status === 200) health.push(performance.now() - started);
          else unanswered++;
        } catch {
          unanswered++;
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();

    const started = performance.now();
    const response = await fetch(`${server.url}/campaigns/${campaignId}/history?format=${format}`, {
      headers: adminAuth,
    });
    t.equal(response.status, 200, `${format} export`);
    // Read as it arrives, holding only a count: the client side stays bounded too.
    let bytes = 0;
    let lines = 0;
    let tail = '';
    const decoder = new TextDecoder();
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.byteLength;
      const text = tail + decoder.decode(chunk, { stream: true });
      const parts = text.split('\n');
      tail = parts.pop() ?? '';
      lines += parts.length;
    }
    const seconds = (performance.now() - started) / 1000;
    exporting = false;
    await polling;

    const rows = format === 'csv' ? lines - 1 : lines;
    t.equal(rows, ENROLMENTS + 1, `${format}: one row per event`);
    t.ok(bytes < 4 * 1024 * 1024, `${format}: ${(bytes / 1024 / 1024).toFixed(1)} MB, growing with the history, not its square`);
    t.equal(unanswered, 0, `${format}: /health answered every poll during the export (${health.length} polls)`);
    t.comment(
      `${format}: ${(bytes / 1024 / 1024).toFixed(1)} MB in ${seconds.toFixed(2)} s; /health answered ${health.length} times, ` +
        `slowest ${Math.max(...health).toFixed(0)} ms`,
    );
  }
  const peak = memoryMb(pid, 'VmHWM');
  t.comment(`server RSS ${before} MB before the exports, peak ${peak} MB`);
  t.ok(peak < 1024, 'the server peaked well under the 1.33 GB a 2,500-enrolment export once took');
});

/**
 * Event-store throughput on this machine: sequential appends (each waits for
 * its commit) and concurrent appends (group commit shares the fsync), for
 * each SQLite durability setting, then the same through the ledger (hash
 * chain and upcasting, as the service appends) and the hash-chain check over
 * what it wrote.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { verifyAll } from '../../src/audit/verify.ts';
import { createLedger } from '../../src/event-store/ledger.ts';
import type { EventStore, NewEvent } from '../../src/event-store/port.ts';
import { createSqliteEventStore, type SqliteDurability } from '../../src/event-store/sqlite.ts';
import type { SuiteContext } from '../lib/context.ts';
import { column, type SuiteReport, startReport } from '../lib/report.ts';
import { perSecond } from '../lib/stats.ts';

const SEQUENTIAL = 2_000;
const CONCURRENT = 20_000;
const CONCURRENCY = 64;

function event(n: number): NewEvent {
  return {
    id: randomUUID(),
    type: 'ActivityRecorded',
    data: { n, title: 'Culture week', participants: 40, outcomes: [{ description: 'Museum loan agreement' }] },
    metadata: { actor: 'bench', office: '370200', correlationId: randomUUID(), occurredAt: new Date().toISOString(), schemaVersion: 1 },
  };
}

async function measure(workDir: string, durability: SqliteDurability, throughLedger: boolean) {
  const dir = mkdtempSync(join(workDir, 'store-'));
  const adapter = createSqliteEventStore({ path: join(dir, 'events.db'), durability });
  const store: EventStore = throughLedger ? createLedger(adapter) : adapter;
  try {
    let started = performance.now();
    for (let n = 0; n < SEQUENTIAL; n++) {
      await store.append(`bench-seq-${n % 100}`, [event(n)], { expectedRevision: 'any' });
    }
    const sequential = perSecond(SEQUENTIAL, performance.now() - started);

    let next = 0;
    started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async (_, worker) => {
        for (let revision = -1; next < CONCURRENT; revision++) {
          next++;
          await store.append(`bench-par-${worker}`, [event(next)], { expectedRevision: revision === -1 ? 'no_stream' : revision });
        }
      }),
    );
    const concurrent = perSecond(CONCURRENT, performance.now() - started);
    let check: { events: number; rate: number } | undefined;
    if (throughLedger) {
      started = performance.now();
      const verified = await verifyAll(adapter);
      if (!verified.ok) throw new Error('the benchmark log does not verify');
      check = { events: verified.events, rate: perSecond(verified.events, performance.now() - started) };
    }
    return { sequential, concurrent, check };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function storeSuite(context: SuiteContext): Promise<SuiteReport> {
  const report = startReport('store');
  const table = report.table('store: appends on this machine (one small event per append)', [
    column('case', 'case', 'text'),
    column('sequential', 'sequential appends/s', 'int'),
    column('concurrent', `${CONCURRENCY} concurrent appenders, appends/s`, 'int'),
  ]);
  const cases = [
    ['sqlite', 'full'],
    ['sqlite', 'normal'],
    ['sqlite', 'off'],
    ['ledger', 'full'],
  ] as const;
  for (const [kind, durability] of cases) {
    const result = await measure(context.workDir, durability, kind === 'ledger');
    const name = `${kind === 'ledger' ? 'ledger (hash chain) over SQLite' : 'SQLite adapter'}, durability=${durability}`;
    table.rows.push({ case: name, sequential: result.sequential, concurrent: result.concurrent });
    console.log(`  ${name}: ${result.sequential.toFixed(0)} sequential, ${result.concurrent.toFixed(0)} concurrent appends/s`);
    if (result.check) {
      report.note(`hash-chain check of the ledger's log: ${result.check.events} events at ${result.check.rate.toFixed(0)} events/s`);
    }
  }
  return report.finish();
}

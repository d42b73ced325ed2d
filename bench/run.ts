/**
 * Event-store throughput on this machine: sequential appends (each waits for
 * its commit) and concurrent appends (group commit shares the fsync), for
 * each SQLite durability setting, then the same through the ledger (hash
 * chain and upcasting, as the service appends) and the hash-chain check over
 * what it wrote. Prints one line per case.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyAll } from '../src/audit/verify.ts';
import { createLedger } from '../src/event-store/ledger.ts';
import type { EventStore, NewEvent } from '../src/event-store/port.ts';
import { createSqliteEventStore, type SqliteDurability } from '../src/event-store/sqlite.ts';

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

async function measure(durability: SqliteDurability, throughLedger = false) {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-'));
  const adapter = createSqliteEventStore({ path: join(dir, 'events.db'), durability });
  const store: EventStore = throughLedger ? createLedger(adapter) : adapter;
  try {
    let started = performance.now();
    for (let n = 0; n < SEQUENTIAL; n++) {
      await store.append(`bench-seq-${n % 100}`, [event(n)], { expectedRevision: 'any' });
    }
    const sequential = SEQUENTIAL / ((performance.now() - started) / 1000);

    let next = 0;
    started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async (_, worker) => {
        for (let revision = -1; next < CONCURRENT; revision++) {
          next++;
          await store.append(`bench-par-${worker}`, [event(next)], {
            expectedRevision: revision === -1 ? 'no_stream' : revision,
          });
        }
      }),
    );
    const concurrent = CONCURRENT / ((performance.now() - started) / 1000);
    console.log(
      `${throughLedger ? 'ledger' : 'sqlite'} durability=${durability.padEnd(6)} sequential ${sequential.toFixed(0).padStart(7)} appends/s   ` +
        `${CONCURRENCY} concurrent ${concurrent.toFixed(0).padStart(7)} appends/s`,
    );
    if (throughLedger) {
      started = performance.now();
      const verified = await verifyAll(adapter);
      if (!verified.ok) throw new Error('the benchmark log does not verify');
      const rate = verified.events / ((performance.now() - started) / 1000);
      console.log(`hash-chain check ${verified.events} events in ${verified.streams} streams: ${rate.toFixed(0)} events/s`);
    }
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const durability of ['full', 'normal', 'off'] as const) await measure(durability);
await measure('full', true);

import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { DomainEvent } from '../../commands/decider.ts';
import { type PartnershipCommand, type PartnershipState, partnershipDecider, partnershipStream } from '../../commands/partnership/index.ts';
import { currentSchemaVersion } from '../../commands/upcasters.ts';
import { fromDayNumber } from '../../src/demo/dates.ts';
import { createLedger } from '../../src/event-store/ledger.ts';
import type { RecordedEvent } from '../../src/event-store/port.ts';
import { createSqliteEventStore } from '../../src/event-store/sqlite.ts';
import type { ApiClient } from '../lib/api-client.ts';

const FIRST_DAY = Date.UTC(2015, 0, 1) / 86_400_000;
const DAYS = Date.UTC(2021, 11, 31) / 86_400_000 - FIRST_DAY + 1;

/** A friendly_cooperation tie needs no approvals: a proposal, a letter of intent and the agreement make it active. */
const SIGNING: { path: string; body: Record<string, unknown> }[] = [
  { path: '/letter-of-intent', body: { date: '2014-03-01', documentRef: 'LOI-2014-001' } },
  { path: '/agreement', body: { date: '2014-06-01', place: 'Qingdao', signatories: [{ side: 'local', name: 'Qingdao representative', title: 'Mayor' }] } },
];

const proposal = (n: number) => ({
  local: { divisionCode: '370200' },
  partner: { nameEn: `Benchmark City ${n}`, country: 'JP', level: 'city' },
  kind: 'friendly_cooperation',
  date: '2014-01-01',
});

/** A RecordActivity body dated on a day of 2015–2021, as an office tool sends it. */
export function activityBody(n: number): Record<string, unknown> {
  return {
    date: fromDayNumber(FIRST_DAY + (n % DAYS)),
    type: 'culture',
    direction: 'incoming',
    title: 'Friendship city culture week in Qingdao',
    participants: 40 + (n % 60),
    outcomes: [{ description: 'Annual culture exchange programme agreed', category: 'agreement' }],
  };
}

/** Creates `count` signed, active partnerships over the API, `concurrency` at a time; answers their ids. */
export async function createActivePartnerships(client: ApiClient, count: number, concurrency = 16): Promise<string[]> {
  const ids: string[] = [];
  let next = 0;
  const worker = async () => {
    for (let n = next++; n < count; n = next++) {
      const { id } = await client.write('/partnerships', proposal(n));
      for (const step of SIGNING) await client.write(`/partnerships/${id}${step.path}`, step.body);
      ids.push(id);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return ids;
}

/**
 * Writes one active partnership with `activities` ActivityRecorded events
 * straight into the ledger, before the service starts: the events come from
 * the real decider and carry the hash chain, but skip the command handler,
 * which reads the whole stream for every command (10,000 commands on one
 * stream would take many minutes). Answers the partnership's id.
 */
export async function writeLongStream(dataDir: string, activities: number): Promise<string> {
  const store = createLedger(createSqliteEventStore({ path: join(dataDir, 'events.db'), durability: 'normal' }));
  const id = randomUUID();
  const stream = partnershipStream(id);
  const context = { now: new Date().toISOString(), newId: randomUUID };
  let state: PartnershipState = partnershipDecider.initialState;
  let last: RecordedEvent | undefined;
  const commands: PartnershipCommand[] = [
    { type: 'ProposePartnership', id, data: proposal(-1) } as PartnershipCommand,
    ...SIGNING.map((step) => ({ type: step.path === '/agreement' ? 'SignAgreement' : 'SignLetterOfIntent', id, data: step.body }) as PartnershipCommand),
  ];
  for (let n = 0; n < activities; n++) commands.push({ type: 'RecordActivity', id, data: activityBody(n) } as PartnershipCommand);
  try {
    for (let start = 0; start < commands.length; start += 500) {
      const events: DomainEvent[] = [];
      for (const command of commands.slice(start, start + 500)) {
        for (const event of partnershipDecider.decide(command, state, context)) {
          state = partnershipDecider.evolve(state, event);
          events.push(event);
        }
      }
      const newEvents = events.map((event) => ({
        id: randomUUID(),
        type: event.type,
        data: event.data as Record<string, unknown>,
        metadata: { actor: 'bench-setup', office: '370200', correlationId: randomUUID(), occurredAt: context.now, schemaVersion: currentSchemaVersion(event.type) },
      }));
      await store.append(stream, newEvents, { expectedRevision: last?.revision ?? 'no_stream', ...(last ? { previous: last } : {}) });
      [last] = await store.readStream(stream, { direction: 'backwards', maxCount: 1 });
    }
  } finally {
    await store.close();
  }
  return id;
}

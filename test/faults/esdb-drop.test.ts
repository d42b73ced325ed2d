/**
 * EventStoreDB drops `$all` subscriptions when a node restarts or a leader
 * changes. The projection runner, on the EventStoreDB adapter over the wire
 * fake, is dropped again and again while it catches up and while commands
 * stream in: every event must still be applied exactly once, and the read
 * models must equal a build from zero that saw no drop.
 */
import { randomUUID } from 'node:crypto';
import t from 'tap';
import { campaignDecider, campaignStream, type CampaignCommand } from '../../commands/campaign/index.ts';
import { partnershipDecider, partnershipStream, type PartnershipCommand } from '../../commands/partnership/index.ts';
import { projectDecider, projectStream, type ProjectCommand } from '../../commands/project/index.ts';
import { reportDecider, reportStream, quarterlyReportId, type ReportCommand } from '../../commands/report/index.ts';
import { PROJECTIONS, rowAt } from '../../projections/index.ts';
import type { Projection } from '../../projections/projection.ts';
import { createCommandHandler, systemClock } from '../../src/commands/handle-command.ts';
import { createEsdbEventStore } from '../../src/event-store/esdb.ts';
import { EventStoreUnavailableError, type Position, type RecordedEvent } from '../../src/event-store/port.ts';
import { comparePositions } from '../../src/event-store/position.ts';
import { createReadSide, type RunningReadSide } from '../../src/read-side.ts';
import { createMemoryReadModelStore } from '../../src/read-models/memory.ts';
import { startEsdbWireFake } from '../support/esdb-wire-fake.ts';
import { histogram, sleep } from './support.ts';

const WORKERS = 8;
const PARTNERSHIPS_PER_WORKER = 5;
const CATCH_UP_EVENTS = 1500;
const LIVE_EVENTS = 1500;
const OFFICES = ['370100', '370200', '370300', '370600', '370700', '370800', '371000', '371300'];

/**
 * Records every delivery it is given, and is deliberately not idempotent:
 * an event applied twice or skipped shows in its revisions.
 */
const deliveryProbe: Projection = {
  name: 'delivery-probe',
  version: 1,
  collections: ['streams'],
  handles: new Set(PROJECTIONS.flatMap((projection) => [...projection.handles])),
  touches: (event) => [['streams', event.stream]],
  apply(event, docs) {
    const seen = docs.get<{ revisions: number[] }>('streams', event.stream)?.revisions ?? [];
    docs.put('streams', event.stream, { stream: event.stream, revisions: [...seen, event.revision] });
  },
};
const projections = [...PROJECTIONS, deliveryProbe];

t.test('dropped $all subscriptions: every event applied once, models equal a build without drops', async (t) => {
  const fake = await startEsdbWireFake();
  const resubscribes: unknown[] = [];
  const store = createEsdbEventStore({
    connectionString: fake.connectionString,
    logger: { warn: (details) => void resubscribes.push(details) },
  });
  t.teardown(async () => {
    await store.close();
    await fake.close();
  });
  const handleOnce = createCommandHandler({ store, clock: systemClock, newId: randomUUID, conflictRetries: 5 });
  const metadata = () => ({ actor: 'fault-suite', correlationId: randomUUID() });
  // The client closes its channel when a call ends UNAVAILABLE, so a drop also fails the commands in
  // flight: they are retried, as an office tool would, with an idempotency key that makes a retry safe.
  let retriedCommands = 0;
  const handle: typeof handleOnce = async (decider, stream, command, meta) => {
    const key = randomUUID();
    for (let attempt = 1; ; attempt++) {
      try {
        return await handleOnce(decider, stream, command, meta, { idempotency: { key, requestHash: key } });
      } catch (error) {
        if (!(error instanceof EventStoreUnavailableError) || attempt >= 50) throw error;
        if (attempt === 1) retriedCommands++;
        await sleep(20);
      }
    }
  };

  let commandsHandled = 0;
  const campaignId = randomUUID();
  await handle(campaignDecider, campaignStream(campaignId), {
    type: 'LaunchCampaign',
    id: campaignId,
    data: { name: 'Activate Friendship Cities', startsOn: '2021-01-01', endsOn: '2021-12-31', date: '2021-01-01' },
  } satisfies CampaignCommand, metadata());

  /** One office's steady work: partnerships through their lifecycle, activities, dormancy, a project, reports. */
  const worker = async (w: number, budget: { events: number }) => {
    const office = OFFICES[w] as string;
    const ids = Array.from({ length: PARTNERSHIPS_PER_WORKER }, () => randomUUID());
    const status = new Map<string, 'none' | 'active' | 'dormant'>(ids.map((id) => [id, 'none']));
    const partnership = (id: string, command: Omit<PartnershipCommand, 'id'>) =>
      handle(partnershipDecider, partnershipStream(id), { ...command, id } as PartnershipCommand, metadata());
    const projectId = randomUUID();
    let project: 'none' | 'started' = 'none';
    for (let step = 0; budget.events > 0; step++) {
      const id = ids[step % ids.length] as string;
      const state = status.get(id);
      commandsHandled++;
      if (state === 'none') {
        await partnership(id, {
          type: 'ProposePartnership',
          data: {
            local: { divisionCode: office },
            partner: { nameEn: `Partner ${w}-${step}`, country: 'FR', level: 'city' },
            kind: 'friendly_cooperation',
            date: '2020-01-10',
          },
        } as Omit<PartnershipCommand, 'id'>);
        await partnership(id, { type: 'SignLetterOfIntent', data: { date: '2020-02-01' } } as Omit<PartnershipCommand, 'id'>);
        await partnership(id, {
          type: 'SignAgreement',
          data: { date: '2020-03-01', place: 'Paris', signatories: [{ side: 'local', name: 'Liu' }] },
        } as Omit<PartnershipCommand, 'id'>);
        await handle(campaignDecider, campaignStream(campaignId), {
          type: 'EnrollPartnership',
          id: campaignId,
          data: { partnershipId: id, date: '2021-02-01' },
        } satisfies CampaignCommand, metadata());
        status.set(id, 'active');
        budget.events -= 4;
      } else if (step % 23 === 0) {
        const submitted = { office: office.slice(0, 4) + '00', year: 2021, quarter: 1 + (step % 2) };
        await handle(reportDecider, reportStream(quarterlyReportId(submitted.office, submitted.year, submitted.quarter)), {
          type: 'SubmitQuarterlyReport',
          id: quarterlyReportId(submitted.office, submitted.year, submitted.quarter),
          data: { ...submitted, summary: `report ${step}`, date: '2021-07-10' },
        } satisfies ReportCommand, metadata());
        budget.events -= 1;
      } else if (step % 17 === 0) {
        const command: ProjectCommand =
          project === 'none'
            ? {
                type: 'PlanProject',
                id: projectId,
                data: {
                  title: `Port logistics ${w}`,
                  sector: 'port_logistics',
                  partnershipIds: [ids[0] as string],
                  leadOffice: office,
                  plannedStart: '2021-03-01',
                  plannedEnd: '2023-03-01',
                  date: '2021-02-01',
                },
              }
            : { type: 'RecordMilestone', id: projectId, data: { title: `Milestone ${step}`, date: '2021-06-01' } };
        await handle(projectDecider, projectStream(projectId), command, metadata());
        if (project === 'none') {
          await handle(projectDecider, projectStream(projectId), { type: 'StartProject', id: projectId, data: { date: '2021-03-01' } }, metadata());
          budget.events -= 1;
        }
        project = 'started';
        budget.events -= 1;
      } else if (state === 'active' && step % 11 === 0) {
        await partnership(id, { type: 'MarkDormant', data: { reason: 'quiet', date: '2021-06-01' } } as Omit<PartnershipCommand, 'id'>);
        status.set(id, 'dormant');
        budget.events -= 1;
      } else {
        await partnership(id, {
          type: 'RecordActivity',
          data: { type: 'education', direction: 'outgoing', title: `Exchange ${w}-${step}`, participants: 8, date: '2021-06-01' },
        } as Omit<PartnershipCommand, 'id'>);
        budget.events -= state === 'dormant' ? 2 : 1;
        status.set(id, 'active');
      }
    }
  };
  const work = async (events: number) => {
    const budget = { events };
    await Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w, budget)));
  };

  // Phase 1: a log to catch up with.
  let started = performance.now();
  await work(CATCH_UP_EVENTS);
  const catchUpAppendMs = Math.round(performance.now() - started);

  // Phase 2: the runner starts and is dropped while it catches up.
  const readSide = createReadSide({
    config: { role: 'all', readModels: { kind: 'memory' } },
    eventStore: store,
    readModels: createMemoryReadModelStore(),
    projections,
  });
  t.teardown(() => readSide.close());
  let drops = 0;
  const drop = () => {
    fake.dropSubscriptions();
    drops++;
  };
  await readSide.start();
  let dropsBeforeCaughtUp = 0;
  for (const wait of [5, 15, 30, 60]) {
    await sleep(wait);
    if (readSide.status().some((p) => !p.caughtUp)) dropsBeforeCaughtUp++;
    drop();
  }
  const dropsDuringCatchUp = drops;

  // Phase 3: commands stream in while the subscription keeps being dropped.
  let dropping = true;
  t.teardown(() => {
    dropping = false;
  });
  const dropper = (async () => {
    while (dropping) {
      await sleep(150 + Math.floor(Math.random() * 200));
      if (dropping) drop();
    }
  })();
  started = performance.now();
  await work(LIVE_EVENTS);
  const liveAppendMs = Math.round(performance.now() - started);
  dropping = false;
  await dropper;

  const log = await store.readAll({ maxCount: 1_000_000 });
  const last = (log.at(-1) as RecordedEvent).position;
  started = performance.now();
  t.ok(await readSide.waitFor(last, 60_000), 'the runner reaches the end of the log despite the drops');
  const settleMs = Math.round(performance.now() - started);

  // The same projections built from zero, with no drop.
  const fromZero = createReadSide({
    config: { role: 'all', readModels: { kind: 'memory' } },
    eventStore: store,
    readModels: createMemoryReadModelStore(),
    projections,
  });
  t.teardown(() => fromZero.close());
  started = performance.now();
  await fromZero.start();
  t.ok(await fromZero.waitFor(last, 60_000), 'the build from zero reaches the end of the log');
  const rebuildMs = Math.round(performance.now() - started);

  const sorted = (docs: unknown[]) => docs.map((doc) => JSON.stringify(doc)).sort();
  const models = async (side: RunningReadSide) => {
    const all: Record<string, string[]> = {};
    for (const projection of projections) {
      for (const collection of projection.collections) {
        all[`${projection.name}/${collection}`] = sorted(await side.readModels.all(projection.name, collection));
      }
    }
    return all;
  };
  const dropped = await models(readSide);
  const clean = await models(fromZero);
  for (const name of Object.keys(clean)) t.same(dropped[name], clean[name], `${name} equals the build without drops`);

  // Exactly once, per stream: the probe saw revisions 0..n-1 of every stream, each once, in order.
  const byStream = new Map<string, number>();
  for (const event of log) if (deliveryProbe.handles.has(event.type)) byStream.set(event.stream, (byStream.get(event.stream) ?? 0) + 1);
  let skipped = 0;
  let doubled = 0;
  for (const [stream, count] of byStream) {
    const seen = ((await readSide.readModels.get('delivery-probe', 'streams', stream))?.revisions ?? []) as number[];
    const expected = Array.from({ length: count }, (_, n) => n);
    if (JSON.stringify(seen) !== JSON.stringify(expected)) {
      skipped += expected.filter((revision) => !seen.includes(revision)).length;
      doubled += seen.length - new Set(seen).size;
      t.fail(`${stream}: applied revisions ${seen.join(',')}, expected 0..${count - 1}`);
    }
  }
  const activitiesInLog = new Map<string, number>();
  for (const event of log) {
    if (event.type === 'ActivityRecorded') activitiesInLog.set(event.stream, (activitiesInLog.get(event.stream) ?? 0) + 1);
  }
  const { register } = await readSide.views();
  const rows = [...register.entries.values()].flatMap((entry) => rowAt(entry, Number.POSITIVE_INFINITY) ?? []);
  const miscounted = rows.filter((row) => row.activityCount !== (activitiesInLog.get(partnershipStream(row.id)) ?? 0));
  t.same(miscounted.map((row) => row.id), [], 'each partnership row counts exactly the ActivityRecorded events of its stream');
  t.equal(rows.length, 2 * WORKERS * PARTNERSHIPS_PER_WORKER, 'every partnership has its row (each phase proposes its own)');

  const status = readSide.status();
  t.same(
    status.filter((p) => p.state !== 'live' || p.degraded || !p.caughtUp || comparePositions(p.checkpoint as Position, last) !== 0),
    [],
    'every projection is live, caught up, not degraded, at the last position',
  );
  t.equal(skipped, 0, 'no event skipped');
  t.equal(doubled, 0, 'no event applied twice');
  t.ok(drops >= 5, 'the subscription was dropped several times');
  t.ok(resubscribes.length >= 1, 'the adapter resubscribed after drops');

  t.comment(
    `esdb-drop: ${log.length} events in ${byStream.size} streams from ${commandsHandled} command steps ` +
      `(${histogram(log.map((e) => e.type)).ActivityRecorded ?? 0} activities); ${drops} drops (${dropsDuringCatchUp} right after the start, ${dropsBeforeCaughtUp} of them before the runner had caught up with ` +
      `${CATCH_UP_EVENTS}+ events, ${drops - dropsDuringCatchUp} during live appends), ${resubscribes.length} resubscribes logged, ${retriedCommands} commands retried after the drop closed the client's channel`,
  );
  t.comment(
    `esdb-drop: appends ${catchUpAppendMs} ms + ${liveAppendMs} ms, settled ${settleMs} ms after the last append, build from zero ${rebuildMs} ms; ` +
      `${skipped} skipped, ${doubled} applied twice, ${miscounted.length} rows miscounted; checkpoints ${JSON.stringify(status.map((p) => `${p.name}@${p.checkpoint}`))}`,
  );
});

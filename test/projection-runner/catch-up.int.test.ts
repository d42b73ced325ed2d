import t, { type Test } from 'tap';
import type { Projection } from '../../projections/projection.ts';
import type { Position } from '../../src/event-store/port.ts';
import { UnknownProjectionError } from '../../src/projection-runner/types.ts';
import { waitForCheckpoint } from '../../src/projection-runner/wait-for-checkpoint.ts';
import { createMemoryReadModelStore } from '../../src/read-models/memory.ts';
import { eventually } from '../read-models/redis-support.ts';
import {
  activeModel,
  appendCounted,
  captureLogger,
  counterProjection,
  foldFromZero,
  harness,
  instrument,
  newEvent,
} from './fixtures.ts';

const setup = (test: Test) => harness(test, createMemoryReadModelStore());

t.test('catches up with the log, then follows it live', async (t) => {
  const { eventStore, readModels, runner } = setup(t);
  const projection = counterProjection();
  await appendCounted(eventStore, 1200);
  let last = await appendCounted(eventStore, 100, 3, 'SomethingElse');
  const projector = runner({ projections: [projection], batchSize: 100 });
  await projector.start();
  t.ok(await projector.waitFor(last, 10_000), 'caught up');
  t.same(await activeModel(readModels, projection), await foldFromZero(projection, eventStore));
  const [status] = projector.status();
  t.match(status, { name: 'counter', version: '1', state: 'live', checkpoint: last, lastPosition: last, lag: 0, degraded: false });
  await eventually(() => projector.status()[0]?.caughtUp === true, 'caught-up status');

  last = await appendCounted(eventStore, 30);
  t.ok(await projector.waitFor(last, 5000), 'followed live');
  t.same(await activeModel(readModels, projection), await foldFromZero(projection, eventStore));
});

t.test('events the projection does not handle still move its checkpoint', async (t) => {
  const { eventStore, readModels, runner } = setup(t);
  const projector = runner();
  await projector.start();
  const last = await appendCounted(eventStore, 25, 5, 'NotCounted');
  t.ok(await projector.waitFor(last, 5000));
  t.equal(await readModels.checkpoint('counter', '1'), last);
  t.same(await readModels.all('counter', 'streams'), []);
});

t.test('commits every batchSize events while catching up, not every event', async (t) => {
  const { eventStore, readModels, runner } = setup(t);
  const counted = instrument(readModels);
  const last = await appendCounted(eventStore, 1000);
  const projector = runner({ readModels: counted, batchSize: 100 });
  await projector.start();
  t.ok(await projector.waitFor(last, 10_000));
  t.ok(counted.commits.length >= 10 && counted.commits.length <= 15, `${counted.commits.length} commits for 1000 events`);
});

t.test('a restart resumes from the checkpoint and applies nothing twice', async (t) => {
  const { eventStore, readModels, runner } = setup(t);
  let applied = 0;
  const base = counterProjection();
  const counting: Projection = { ...base, apply: (event, docs) => (applied++, base.apply(event, docs)) };
  const first = runner({ projections: [counting], batchSize: 50 });
  await first.start();
  t.ok(await first.waitFor(await appendCounted(eventStore, 300), 5000));
  await first.stop();
  const last = await appendCounted(eventStore, 40);

  applied = 0;
  const second = runner({ projections: [counting], batchSize: 50 });
  await second.start();
  t.ok(await second.waitFor(last, 5000));
  t.equal(applied, 40, 'only the events after the checkpoint were applied');
  t.equal(await readModels.activeVersion('counter'), '1', 'the version was resumed, not rebuilt');
  const model = await activeModel(readModels, base);
  t.same(model, await foldFromZero(base, eventStore));
  t.same(model?.totals, { all: { applied: 340 } }, 'every event applied to the stored model exactly once');
});

t.test('a new projection version is built from the start, activated, and the old one dropped', async (t) => {
  const { eventStore, readModels, runner } = setup(t);
  const first = runner();
  await first.start();
  t.ok(await first.waitFor(await appendCounted(eventStore, 120), 5000));
  await first.stop();

  const bumped = counterProjection({ version: 2 });
  const logger = captureLogger();
  const second = runner({ projections: [bumped], logger });
  await second.start();
  t.ok(await second.waitFor(await appendCounted(eventStore, 5), 5000));
  t.equal(await readModels.activeVersion('counter'), '2');
  t.equal(await readModels.checkpoint('counter', '1'), undefined, 'the old version is dropped');
  t.same(await activeModel(readModels, bumped), await foldFromZero(bumped, eventStore));
  t.ok(logger.entries.some((entry) => entry.message === 'read-model version activated' && entry.details.replaced === '1'));
});

t.test('waitFor answers false on timeout; waitForCheckpoint reads the same from the store', async (t) => {
  const { eventStore, readModels, runner } = setup(t);
  const projector = runner();
  await projector.start();
  const last = await appendCounted(eventStore, 10);
  const beyond = '999999' as Position;
  const started = Date.now();
  t.equal(await projector.waitFor(beyond, 150), false);
  t.ok(Date.now() - started >= 140, 'waited the timeout');
  t.equal(await projector.waitFor(last, 5000), true);
  t.equal(await projector.waitFor(last, 5000, ['counter']), true);
  t.equal(await waitForCheckpoint(readModels, ['counter'], last, 5000), true);
  t.equal(await waitForCheckpoint(readModels, ['counter'], beyond, 100), false);
  t.equal(await waitForCheckpoint(readModels, ['nobody'], last, 60), false, 'a projection never activated is not there');
  await t.rejects(projector.waitFor(last, 10, ['nobody']), UnknownProjectionError);
  await t.rejects(projector.rebuild('nobody'), UnknownProjectionError);
});

t.test('a projection whose apply throws stops at the event before; the others go on', async (t) => {
  const { eventStore, readModels, runner } = setup(t);
  const base = counterProjection();
  const fragile: Projection = {
    ...base,
    name: 'fragile',
    apply(event, docs) {
      if (event.data.n === 7) {
        docs.put('streams', 'half-written', { partial: true });
        throw new Error('cannot fold n=7');
      }
      base.apply(event, docs);
    },
  };
  const logger = captureLogger();
  const projector = runner({ projections: [base, fragile], logger });
  await projector.start();
  t.ok(await projector.waitFor(await appendCounted(eventStore, 6, 1), 5000), 'both live');
  const positions: Position[] = [];
  for (let n = 6; n < 10; n++) {
    positions.push((await eventStore.append('counter-0', [newEvent('Counted', { n })], { expectedRevision: 'any' })).position);
  }
  t.ok(await projector.waitFor(positions[3] as Position, 5000, ['counter']));
  await eventually(() => projector.status()[1]?.state === 'failed', 'the fragile projection to fail');
  t.match(projector.status()[1], { name: 'fragile', version: '1', checkpoint: positions[0], lastError: /cannot fold n=7/ });
  t.equal(await readModels.get('fragile', 'streams', 'half-written'), undefined, 'the failed event changed nothing');
  t.equal((await readModels.get('fragile', 'streams', 'counter-0'))?.count, 7, 'the events before it are committed');
  t.equal(await projector.waitFor(positions[3] as Position, 100), false, 'a failed projection never reaches later positions');
  t.ok(logger.entries.some((entry) => entry.level === 'error'));
});

import t from 'tap';
import { z } from 'zod';
import { buildDataset, datasetSteps } from '../../src/demo/dataset.ts';
import { DEMO_END, handledAt, quarterOf } from '../../src/demo/dates.ts';
import { demoUuid, idSequence } from '../../src/demo/ids.ts';
import { SIGNED_BY_COUNTRY, TARGETS } from '../../src/demo/plan.ts';
import { createRandom } from '../../src/demo/random.ts';
import { createStepTime } from '../../src/demo/step-time.ts';
import { runSteps, type Step } from '../../src/demo/steps.ts';

t.test('name-based ids are valid, stable and distinct', async (t) => {
  const id = demoUuid('partnership:real/00-yamaguchi-prefecture');
  t.ok(z.uuid().safeParse(id).success);
  t.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'version 8 (derived from a hash), RFC variant');
  t.equal(demoUuid('partnership:real/00-yamaguchi-prefecture'), id);
  t.not(demoUuid('partnership:real/01-wakayama-prefecture'), id);
  const next = idSequence('step');
  t.strictSame([next(), next()], [demoUuid('step#0'), demoUuid('step#1')]);
});

t.test('the random source is seeded and forks independently', async (t) => {
  const draw = (seed: string) => Array.from({ length: 5 }, createRandom(seed).next);
  t.strictSame(draw('a'), draw('a'));
  t.notSame(draw('a'), draw('b'));
  const rnd = createRandom('a');
  t.strictSame(rnd.fork('x').next(), createRandom('a').fork('x').next(), 'a fork does not depend on draws before it');
  for (let i = 0; i < 1000; i++) {
    const n = rnd.int(3, 7);
    t.ok(n >= 3 && n <= 7 && Number.isInteger(n));
  }
});

t.test('a command is handled the next morning in Shandong', async (t) => {
  t.equal(handledAt('2021-12-31'), '2022-01-01T10:00:00+08:00');
  t.equal(handledAt(DEMO_END), '2021-12-08T10:00:00+08:00', 'the last facts are entered the morning after the press conference');
  t.equal(quarterOf('2021-03-31'), '2021-Q1');
  t.equal(quarterOf('2021-10-01'), '2021-Q4');
});

t.test('the country table adds up to the published figures', async (t) => {
  const total = Object.values(SIGNED_BY_COUNTRY).reduce((sum, n) => sum + n, 0);
  t.equal(total, TARGETS.signed);
  t.equal(Object.keys(SIGNED_BY_COUNTRY).length, TARGETS.countries);
});

t.test('the dataset is pure: the same seed builds the same plans', async (t) => {
  const a = buildDataset();
  const b = buildDataset();
  t.strictSame(a, b);
  t.equal(a.nameFallbacks, 0, 'every synthetic partner has a real place name');
  t.notSame(buildDataset('another seed').partnerships[100]?.parties, a.partnerships[100]?.parties);
  const steps = datasetSteps(a);
  t.equal(new Set(steps.map((s) => s.key)).size, steps.length, 'step keys are unique');
  t.equal(DEMO_END, '2021-12-07', 'the day of the press conference');
  t.ok(steps.every((s) => s.date <= DEMO_END), 'no fact after it');
});

t.test('the reserve holds 168 candidates, the five the press conference names among them', async (t) => {
  const { partnerships } = buildDataset();
  t.equal(partnerships.filter((p) => p.fate === 'pipeline').length, TARGETS.pipeline);
  const named = partnerships.filter((p) => p.key.startsWith('press-conference/'));
  t.strictSame(named.map((p) => p.parties.partner.nameZh).sort(), ['乌兰巴托市', '卡诺州', '奥贡州', '拉各斯州', '阿夸伊博姆州'].sort());
  t.ok(named.every((p) => p.fate === 'pipeline' && p.entries.at(-1)?.body.type === 'RecordContact'), 'each in contact');
});

t.test('steps out of order on a stream are refused before anything runs', async (t) => {
  const ran: string[] = [];
  const step = (key: string, date: string): Step => ({
    key,
    stream: 's',
    date,
    office: '370000',
    run: async () => {
      ran.push(key);
      return { appended: true };
    },
  });
  const handle = (() => Promise.reject(new Error('not called'))) as never;
  const options = { concurrency: 2, actor: 'test', time: createStepTime() };
  await t.rejects(runSteps(handle, [step('a', '2021-02-01'), step('b', '2021-01-01')], options), /comes after/);
  await t.rejects(runSteps(handle, [step('a', '2021-01-01'), step('a', '2021-02-01')], options), /used twice/);
  t.strictSame(ran, []);
});

import { readFile } from 'node:fs/promises';
import t from 'tap';
import { defaultStandard, defaultStandards, InvalidStandardError, loadStandard, normaliseRank, standardOn } from '../../../projections/evaluation/index.ts';

const file = new URL('../../../projections/evaluation/standard.v1.json', import.meta.url);
const shipped = async () => JSON.parse(await readFile(file, 'utf8')) as { criteria: Record<string, unknown>[] } & Record<string, unknown>;

/** The problems loadStandard reports for a changed copy of the shipped file. */
async function problems(change: (json: Awaited<ReturnType<typeof shipped>>) => unknown): Promise<string[]> {
  try {
    loadStandard(change(await shipped()));
  } catch (error) {
    if (error instanceof InvalidStandardError) return error.problems;
    throw error;
  }
  return [];
}

t.test('the shipped standard is valid', async (t) => {
  const standard = loadStandard(await shipped());
  t.equal(standard.version, 1, 'version 1');
  t.equal(standard.effectiveFrom, '2021-01-01', 'in force from 2021');
  t.strictSame(standard.criteria.map((c) => c.id), ['activityFrequency', 'activityDiversity', 'highLevelVisits', 'projectsDelivered', 'recency'], 'its criteria');
  t.strictSame(defaultStandard(), standard, 'defaultStandard loads the same file');
  t.strictSame(defaultStandards(), [standard], 'it is the only version shipped');
});

t.test('invalid standards are rejected with the failing path', async (t) => {
  t.match(await problems((j) => ({ ...j, criteria: j.criteria.map((c, i) => (i === 0 ? { ...c, weight: 0.35 } : c)) })), [
    /^criteria: the weights add up to 1\.05/,
  ], 'weights that do not add up to 1');
  t.match(await problems((j) => ({ ...j, criteria: [...j.criteria.slice(0, 4), { ...j.criteria[4], id: 'popularity' }] })), [
    /^criteria\.4\.id: /,
  ], 'an unknown criterion');
  t.match(await problems((j) => ({ ...j, criteria: j.criteria.map((c, i) => (i === 4 ? { ...c, parameters: { cutoffDays: -5 } } : c)) })), [
    /^criteria\.4\.parameters\.cutoffDays: /,
  ], 'a negative cutoff');
  t.match(await problems((j) => ({ ...j, criteria: j.criteria.map((c, i) => (i === 0 ? { ...c, parameters: { windowMonths: 12, target: 0 } } : c)) })), [
    /^criteria\.0\.parameters\.target: /,
  ], 'a zero target');
  t.match(await problems((j) => ({ ...j, criteria: j.criteria.map((c, i) => (i === 2 ? { ...c, parameters: { windowMonths: 36, target: 2, ranks: [] } } : c)) })), [
    /^criteria\.2\.parameters\.ranks: /,
  ], 'no ranks');
  t.match(
    await problems((j) => ({
      ...j,
      criteria: [{ ...j.criteria[0], weight: 0.5 }, { ...j.criteria[0], weight: 0.5 }],
    })),
    [/^criteria\.1\.id: criterion activityFrequency is listed twice/],
    'a criterion listed twice',
  );
  t.match(await problems((j) => ({ ...j, atRiskThreshold: undefined })), [/^atRiskThreshold: /], 'no threshold');
  t.match(await problems((j) => ({ ...j, version: '1' })), [/^version: /], 'a version that is not a number');
  t.match(await problems((j) => ({ ...j, effectiveFrom: undefined })), [/^effectiveFrom: /], 'no day it takes effect');
  t.match(await problems((j) => ({ ...j, effectiveFrom: '2021-13-01' })), [/^effectiveFrom: /], 'a day that does not exist');
  t.match(await problems((j) => ({ ...j, extra: true })), [/^\(root\): /], 'an unknown field');
  t.match(await problems(() => 'not a standard'), [/^\(root\): /], 'not an object');
  t.throws(() => loadStandard(null), { name: 'InvalidStandardError', message: /^invalid evaluation standard:\n {2}- / }, 'the error lists every problem');
});

t.test('weights need only add up to 1 within rounding', async (t) => {
  const weights = [0.1, 0.2, 0.3, 0.15, 0.25];
  t.strictSame(await problems((j) => ({ ...j, criteria: j.criteria.map((c, i) => ({ ...c, weight: weights[i] })) })), [], 'other weights adding up to 1');
  t.strictSame(
    await problems((j) => ({ ...j, criteria: j.criteria.map((c, i) => ({ ...c, weight: (weights[i] ?? 0) + (i === 0 ? 1e-10 : 0) })) })),
    [],
    'off by 1e-10',
  );
});

t.test('ranks compare regardless of case, spacing and underscores', async (t) => {
  t.equal(normaliseRank(' Vice Governor '), 'vice-governor', 'case and spaces');
  t.equal(normaliseRank('vice_governor'), 'vice-governor', 'underscores');
  t.equal(normaliseRank('副省长'), '副省长', 'Chinese as it is');
});

t.test('the standard in force on a day', async (t) => {
  const v1 = defaultStandard();
  const v2 = { ...v1, version: 2, effectiveFrom: '2023-07-01' };
  t.equal(standardOn([v1, v2], '2020-12-31'), undefined, 'none before the first took effect');
  t.equal(standardOn([v1, v2], '2021-01-01')?.version, 1, 'the first from its first day');
  t.equal(standardOn([v1, v2], '2023-06-30')?.version, 1, 'until the day before the next');
  t.equal(standardOn([v1, v2], '2023-07-01')?.version, 2, 'the next from its first day');
  t.equal(standardOn([v2, v1], '2024-06-15')?.version, 2, 'whatever order they are listed in');
  t.equal(standardOn([], '2024-06-15'), undefined, 'none without standards');
});

import { readFile } from 'node:fs/promises';
import t from 'tap';
import { defaultStandard, InvalidStandardError, loadStandard, normaliseRank } from '../../../projections/evaluation/index.ts';

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
  t.equal(standard.version, 1);
  t.strictSame(standard.criteria.map((c) => c.id), ['activityFrequency', 'activityDiversity', 'highLevelVisits', 'projectsDelivered', 'recency']);
  t.strictSame(defaultStandard(), standard, 'defaultStandard loads the same file');
});

t.test('invalid standards are rejected with the failing path', async (t) => {
  t.match(await problems((j) => ({ ...j, criteria: j.criteria.map((c, i) => (i === 0 ? { ...c, weight: 0.35 } : c)) })), [
    /^criteria: the weights add up to 1\.05/,
  ]);
  t.match(await problems((j) => ({ ...j, criteria: [...j.criteria.slice(0, 4), { ...j.criteria[4], id: 'popularity' }] })), [
    /^criteria\.4\.id: /,
  ]);
  t.match(await problems((j) => ({ ...j, criteria: j.criteria.map((c, i) => (i === 4 ? { ...c, parameters: { cutoffDays: -5 } } : c)) })), [
    /^criteria\.4\.parameters\.cutoffDays: /,
  ]);
  t.match(await problems((j) => ({ ...j, criteria: j.criteria.map((c, i) => (i === 0 ? { ...c, parameters: { windowMonths: 12, target: 0 } } : c)) })), [
    /^criteria\.0\.parameters\.target: /,
  ]);
  t.match(await problems((j) => ({ ...j, criteria: j.criteria.map((c, i) => (i === 2 ? { ...c, parameters: { windowMonths: 36, target: 2, ranks: [] } } : c)) })), [
    /^criteria\.2\.parameters\.ranks: /,
  ]);
  t.match(
    await problems((j) => ({
      ...j,
      criteria: [{ ...j.criteria[0], weight: 0.5 }, { ...j.criteria[0], weight: 0.5 }],
    })),
    [/^criteria\.1\.id: criterion activityFrequency is listed twice/],
  );
  t.match(await problems((j) => ({ ...j, atRiskThreshold: undefined })), [/^atRiskThreshold: /]);
  t.match(await problems((j) => ({ ...j, version: '1' })), [/^version: /]);
  t.match(await problems((j) => ({ ...j, extra: true })), [/^\(root\): /]);
  t.match(await problems(() => 'not a standard'), [/^\(root\): /]);
  t.throws(() => loadStandard(null), { name: 'InvalidStandardError', message: /^invalid evaluation standard:\n {2}- / });
});

t.test('weights need only add up to 1 within rounding', async (t) => {
  const weights = [0.1, 0.2, 0.3, 0.15, 0.25];
  t.strictSame(await problems((j) => ({ ...j, criteria: j.criteria.map((c, i) => ({ ...c, weight: weights[i] })) })), []);
  t.strictSame(
    await problems((j) => ({ ...j, criteria: j.criteria.map((c, i) => ({ ...c, weight: (weights[i] ?? 0) + (i === 0 ? 1e-10 : 0) })) })),
    [],
  );
});

t.test('ranks compare regardless of case, spacing and underscores', async (t) => {
  t.equal(normaliseRank(' Vice Governor '), 'vice-governor');
  t.equal(normaliseRank('vice_governor'), 'vice-governor');
  t.equal(normaliseRank('副省长'), '副省长');
});

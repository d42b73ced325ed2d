import t from 'tap';
import { defaultStandards, normaliseRank } from '../../projections/index.ts';
import { leaderRanks, VOCABULARIES, vocabularyAnswer } from '../../src/i18n/vocabulary.ts';

const han = /\p{Script=Han}/u;

t.test('every value of every vocabulary has a Chinese and an English label', async (t) => {
  for (const [name, { values, labels }] of Object.entries(VOCABULARIES)) {
    t.ok(values.length > 0, `${name} has values`);
    const byCode = labels as Record<string, { zh?: string; en?: string }>;
    t.same(Object.keys(byCode).sort(), [...values].sort(), `${name}: a label for each value, and none for a value it lacks`);
    for (const value of values) {
      t.match(byCode[value]?.zh, han, `${name}.${value}: Chinese`);
      t.match(byCode[value]?.en, /^[A-Z]/, `${name}.${value}: English`);
    }
  }
});

t.test('every high-level rank of the evaluation standards has its own labels', async (t) => {
  const { values, labels } = leaderRanks(defaultStandards());
  const named = defaultStandards()
    .flatMap((standard) => standard.criteria)
    .flatMap((criterion) => (criterion.id === 'highLevelVisits' ? criterion.parameters.ranks : []))
    .map(normaliseRank)
    .filter((rank) => !han.test(rank));
  t.same([...values].sort(), [...new Set(named)].sort(), 'the ranks written in Latin letters');
  for (const rank of values) {
    t.match(labels[rank]?.zh, han, `${rank}: Chinese`);
    t.not(labels[rank]?.en, rank, `${rank}: an English label, not the code`);
  }
});

t.test('the answer lists each vocabulary as codes with both labels', async (t) => {
  const answer = vocabularyAnswer(defaultStandards());
  t.same(Object.keys(answer).sort(), [...Object.keys(VOCABULARIES), 'leaderRank'].sort());
  t.same(answer.partnershipStatus[5], { code: 'active', zh: '有效', en: 'Active' });
  t.same(answer.continent.map((entry) => entry.code), [...VOCABULARIES.continent.values], 'the values in the order the code defines them');
});

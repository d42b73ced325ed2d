import t from 'tap';
import { activityTimeline, registerProjection, type TimelineEntry } from '../../../projections/index.ts';
import { commandLog, incrementalView, nameOf, TODAY, uuid, viewOf } from '../ledger.ts';

// Two partnerships, a Qingdao one (p1) and a Jinan one (p2), with two activities each; two fall on 2024-03-01.
const log = commandLog()
  .partnership({ id: 'p1', status: 'active', country: 'JP', proposedOn: '2020-01-01', signedOn: '2020-06-01', activities: [{ date: '2024-01-05', outcomes: 2 }, { date: '2024-03-01', type: 'education' }] })
  .partnership({ id: 'p2', status: 'active', local: '370100', country: 'KR', proposedOn: '2020-01-01', signedOn: '2020-06-01', activities: [{ date: '2024-02-01', outcomes: 1 }, { date: '2024-03-01' }] });
const view = viewOf(registerProjection, log.events);

/** An item as [partnership, date, type, outcomes]: an activity's details (title…) are in its event, not the view. */
const listed = (result: { items: TimelineEntry[] }) => result.items.map((item) => [nameOf(item.partnershipId), item.date, item.type, item.outcomeCount]);
const a1 = ['p1', '2024-01-05', 'culture', 2];
const a2 = ['p1', '2024-03-01', 'education', 0];
const a3 = ['p2', '2024-02-01', 'culture', 1];
const a4 = ['p2', '2024-03-01', 'culture', 0];

t.test('newest first, filtered and paged', async (t) => {
  // Ties on a day are ordered by partnership and then newest revision first (they used to be ordered by activity id;
  // the view keeps no activity ids, and this order is as stable for paging).
  t.strictSame(listed(activityTimeline(view, { day: TODAY })), [a2, a4, a3, a1], 'newest first; on one day by partnership');
  t.strictSame(listed(activityTimeline(view, { day: TODAY, partnershipId: uuid('p1') })), [a2, a1], 'one partnership');
  t.strictSame(listed(activityTimeline(view, { day: TODAY, office: '370100' })), [a4, a3], 'one office');
  t.strictSame(listed(activityTimeline(view, { day: TODAY, type: 'education' })), [a2], 'one type');
  t.strictSame(listed(activityTimeline(view, { day: TODAY, from: '2024-02-01', to: '2024-02-29' })), [a3], 'a date range');
  const page = activityTimeline(view, { day: TODAY, page: 2, pageSize: 3 });
  t.strictSame([page.total, page.outcomes, listed(page)], [4, 3, [a1]], 'the second page; totals count every match');
  t.equal(page.today, TODAY, 'the answer says which day it is for');
});

t.test('items name the activity\'s event', async (t) => {
  const [item] = activityTimeline(view, { day: TODAY, partnershipId: uuid('p2'), pageSize: 1 }).items;
  const event = log.events.find((e) => e.stream === `partnership-${uuid('p2')}` && e.revision === item?.revision);
  t.match(event, { type: 'ActivityRecorded', data: { date: '2024-03-01', type: 'culture' } }, 'its stream and revision lead to the event with its details');
});

t.test('as of a day, activities dated later do not count', async (t) => {
  const asOf = activityTimeline(view, { day: '2024-02-15' });
  t.strictSame([asOf.total, asOf.outcomes, listed(asOf)], [2, 3, [a3, a1]], '2024-02-15: two activities');
  t.strictSame(listed(activityTimeline(view, { day: '2024-02-15', to: '2024-12-31' })), [a3, a1], 'a range past the day stops at the day');
  t.strictSame(listed(activityTimeline(view, { day: '2023-12-31' })), [], '2023-12-31: none yet');
  t.equal(activityTimeline(view, { day: '2023-12-31', partnershipId: uuid('p1') }).total, 0, 'nor for one partnership');
});

t.test('on one day and one partnership, the activity recorded later comes first', async (t) => {
  const same = commandLog()
    .partnership({ id: 'p1', status: 'active', country: 'JP', proposedOn: '2020-01-01', signedOn: '2020-06-01', activities: [{ date: '2024-03-01', type: 'culture' }] })
    .activity('p1', { date: '2024-03-01', type: 'sports' }).events;
  t.strictSame(
    listed(activityTimeline(viewOf(registerProjection, same), { day: TODAY })).map(([, , type]) => type),
    ['sports', 'culture'],
    'by revision, newest first',
  );
});

t.test('an activity entered late takes its place by the day it happened', async (t) => {
  const late = commandLog()
    .partnership({ id: 'p1', status: 'active', country: 'JP', proposedOn: '2020-01-01', signedOn: '2020-06-01', activities: [{ date: '2023-05-01' }, { date: '2024-05-01' }] })
    .activity('p1', { date: '2021-09-01', type: 'youth', outcomes: 2 }).events;
  const lateView = viewOf(registerProjection, late);
  t.strictSame(listed(activityTimeline(lateView, { day: TODAY })).map(([, date]) => date), ['2024-05-01', '2023-05-01', '2021-09-01'], 'by date, not by entry');
  const in2021 = activityTimeline(lateView, { day: '2021-12-31' });
  t.strictSame([in2021.total, in2021.outcomes, listed(in2021)], [1, 2, [['p1', '2021-09-01', 'youth', 2]]], 'as of 2021-12-31 it is the only one');
});

t.test('a range that starts after the day it is read for is empty', async (t) => {
  // An activity may be dated a day ahead (a delegation abroad enters its own local date).
  const ahead = commandLog()
    .partnership({ id: 'p1', status: 'active', country: 'JP', proposedOn: '2020-01-01', signedOn: '2020-06-01', activities: [{ date: '2024-06-10', outcomes: 1 }, { date: '2024-06-16', outcomes: 1 }] }).events;
  const result = activityTimeline(viewOf(registerProjection, ahead), { day: TODAY, from: '2024-06-17' });
  t.strictSame([result.total, result.outcomes, result.items], [0, 0, []], 'no activities, no outcomes, no items');
});

t.test('a view kept commit by commit gives the same timeline', async (t) => {
  const kept = incrementalView(registerProjection, log.events, 1);
  const plain = (result: { items: TimelineEntry[] }) => ({ ...result, items: result.items.map(({ entry: _entry, ...item }) => item) });
  for (const query of [{ day: TODAY }, { day: '2024-02-15' }, { day: TODAY, office: '370100' }, { day: TODAY, type: 'culture' as const }]) {
    t.strictSame(plain(activityTimeline(kept, query)), plain(activityTimeline(view, query)), JSON.stringify(query));
  }
});

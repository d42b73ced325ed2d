import t from 'tap';
import { activityTimeline } from '../../../projections/queries/timeline.ts';
import { activity } from '../fixtures.ts';

const activities = [
  activity('a1', 'p1', '2024-01-05', { outcomes: 2 }),
  activity('a2', 'p1', '2024-03-01', { type: 'education' }),
  activity('a3', 'p2', '2024-02-01', { cityCode: '370100', outcomes: 1 }),
  activity('a4', 'p2', '2024-03-01', { cityCode: '370100' }),
];
const ids = (result: { items: { activityId: string }[] }) => result.items.map((item) => item.activityId);

t.test('newest first, filtered and paged', async (t) => {
  t.strictSame(ids(activityTimeline(activities)), ['a2', 'a4', 'a3', 'a1'], 'same day: by id');
  t.strictSame(ids(activityTimeline(activities, { partnershipId: 'p1' })), ['a2', 'a1']);
  t.strictSame(ids(activityTimeline(activities, { office: '370100' })), ['a4', 'a3']);
  t.strictSame(ids(activityTimeline(activities, { type: 'education' })), ['a2']);
  t.strictSame(ids(activityTimeline(activities, { from: '2024-02-01', to: '2024-02-29' })), ['a3']);
  const page = activityTimeline(activities, { page: 2, pageSize: 3 });
  t.strictSame([page.total, page.outcomes, ids(page)], [4, 3, ['a1']]);
});

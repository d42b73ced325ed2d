import t from 'tap';
import { portfolio } from '../../../projections/queries/portfolio.ts';
import { project, TODAY } from '../fixtures.ts';

const projects = [
  project({ id: 'j1', status: 'planned', plannedStart: '2024-09-01', milestones: [{ milestoneId: 'm1', dueDate: '2024-05-01' }, { milestoneId: 'm2', dueDate: '2024-07-01' }] }),
  project({
    id: 'j2',
    status: 'started',
    sector: 'education',
    office: '370100',
    plannedStart: '2023-06-01',
    plannedEnd: '2024-03-31',
    startedOn: '2023-06-01',
    milestones: [
      { milestoneId: 'm3', dueDate: '2024-01-01', recordedOn: '2024-01-05' },
      { milestoneId: 'm4', dueDate: '2024-06-14' },
      { milestoneId: 'm5', dueDate: null, recordedOn: '2024-02-01' },
    ],
  }),
  project({ id: 'j3', status: 'completed', plannedStart: '2023-01-01', plannedEnd: '2023-12-31', startedOn: '2023-01-01', completedOn: '2023-12-01', milestones: [{ milestoneId: 'm6', dueDate: '2023-06-01' }] }),
  project({ id: 'j4', status: 'cancelled', sector: 'trade_investment', office: '370000', plannedStart: '2023-02-01', cancelledOn: '2023-03-01' }),
  project({ id: 'j5', status: 'started', plannedStart: '2024-01-01', plannedEnd: '2024-12-31', startedOn: '2024-01-02' }),
];

t.test('counts and what is overdue', async (t) => {
  const result = portfolio(projects, { today: TODAY });
  t.equal(result.total, 5);
  t.strictSame(result.byStatus, { planned: 1, started: 2, completed: 1, cancelled: 1 });
  t.match(result.bySector, { culture: 3, education: 1, trade_investment: 1, health: 0 });
  t.strictSame(
    result.byOffice.filter((o) => o.count > 0).map((o) => [o.office, o.count]),
    [
      ['370000', 1],
      ['370100', 1],
      ['370200', 3],
    ],
  );
  // 2024-03-31 → 06-15: 30 + 31 + 15 = 76 days.
  t.strictSame(result.overdue.projects, [
    { id: 'j2', title: 'Project j2', leadOfficeCity: '370100', plannedEnd: '2024-03-31', daysOverdue: 76 },
  ]);
  // m1: 2024-05-01 → 06-15 is 45 days; m4 one day. m6 belongs to a completed project, m3 was recorded.
  t.strictSame(
    result.overdue.milestones.map((m) => [m.projectId, m.milestoneId, m.dueDate, m.daysOverdue]),
    [
      ['j1', 'm1', '2024-05-01', 45],
      ['j2', 'm4', '2024-06-14', 1],
    ],
  );
  t.strictSame(result.items.map((p) => p.id), ['j3', 'j4', 'j2', 'j5', 'j1'], 'by planned start');
});

t.test('filters', async (t) => {
  t.strictSame(portfolio(projects, { today: TODAY, office: '370200' }).items.map((p) => p.id), ['j3', 'j5', 'j1']);
  t.strictSame(portfolio(projects, { today: TODAY, status: 'started' }).items.map((p) => p.id), ['j2', 'j5']);
  const culture = portfolio(projects, { today: TODAY, sector: 'culture' });
  t.equal(culture.total, 3);
  t.strictSame(culture.overdue.projects, [], 'overdue follows the filters');
  t.equal(culture.overdue.milestones.length, 1);
});

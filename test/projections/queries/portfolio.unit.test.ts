import t from 'tap';
import { portfolio, portfolioProjection } from '../../../projections/index.ts';
import { commandLog, incrementalView, nameOf, PORTFOLIO, TODAY, viewOf } from '../ledger.ts';

const log = commandLog();
for (const spec of PORTFOLIO) log.project(spec);
const view = viewOf(portfolioProjection, log.events);
const ids = (result: { items: { id: string }[] }) => result.items.map((item) => nameOf(item.id));

t.test('counts and what is overdue', async (t) => {
  const result = portfolio(view, { day: TODAY });
  t.equal(result.today, TODAY, 'the answer says which day it is for');
  t.equal(result.total, 5, 'every project');
  t.strictSame(result.byStatus, { planned: 1, started: 2, completed: 1, cancelled: 1 }, 'by status');
  t.match(result.bySector, { culture: 3, education: 1, trade_investment: 1, health: 0 }, 'by sector');
  t.strictSame(
    result.byOffice.filter((o) => o.count > 0).map((o) => [o.office, o.count]),
    [
      ['370000', 1],
      ['370100', 1],
      ['370200', 3],
    ],
    'by lead office',
  );
  // 2024-03-31 → 06-15: 30 + 31 + 15 = 76 days.
  t.strictSame(
    result.overdue.projects.map((p) => ({ ...p, id: nameOf(p.id) })),
    [{ id: 'j2', title: 'Project j2', leadOfficeCity: '370100', status: 'started', missed: 'end', plannedStart: '2023-06-01', plannedEnd: '2024-03-31', daysOverdue: 76 }],
    'a running project past its planned end; j1 is planned to start later',
  );
  // j1 should have started on 2024-09-01; j2's end was 2024-03-31: 30 + 31 + 30 + 31 + 31 + 11 = 164 days before 2024-09-11.
  t.strictSame(
    portfolio(view, { day: '2024-09-11' }).overdue.projects.map((p) => [nameOf(p.id), p.status, p.missed, p.daysOverdue]),
    [
      ['j2', 'started', 'end', 164],
      ['j1', 'planned', 'start', 10],
    ],
    'a planned project past its planned start that never started is overdue too',
  );
  t.strictSame(portfolio(view, { day: '2024-09-01' }).overdue.projects.map((p) => nameOf(p.id)), ['j2'], 'not on its planned start day itself');
  // m1: 2024-05-01 → 06-15 is 45 days; m4 one day. m6 belongs to a completed project, m3 was recorded, m5 had no due day.
  t.strictSame(
    result.overdue.milestones.map((m) => [nameOf(m.projectId), m.title, m.dueDate, m.daysOverdue]),
    [
      ['j1', 'm1', '2024-05-01', 45],
      ['j2', 'm4', '2024-06-14', 1],
    ],
    'planned milestones past their due day on open projects',
  );
  t.strictSame(ids(result), ['j3', 'j4', 'j2', 'j5', 'j1'], 'by planned start');
  t.match(
    result.items.find((p) => nameOf(p.id) === 'j2')?.milestones,
    [{ title: 'm3', recordedOn: '2024-01-05' }, { title: 'm4', recordedOn: null }, { title: 'm5', dueDate: null, recordedOn: '2024-02-01' }],
    'an item carries its milestones as the project state has them',
  );
});

t.test('filters', async (t) => {
  t.strictSame(ids(portfolio(view, { day: TODAY, office: '370200' })), ['j3', 'j5', 'j1'], 'by office');
  t.strictSame(ids(portfolio(view, { day: TODAY, status: 'started' })), ['j2', 'j5'], 'by status');
  const culture = portfolio(view, { day: TODAY, sector: 'culture' });
  t.equal(culture.total, 3, 'by sector');
  t.strictSame(culture.overdue.projects, [], 'overdue follows the filters');
  t.equal(culture.overdue.milestones.length, 1, 'm1 only');
});

t.test('the portfolio as of earlier days', async (t) => {
  const mid2023 = portfolio(view, { day: '2023-06-30' });
  t.strictSame(mid2023.byStatus, { planned: 2, started: 2, completed: 0, cancelled: 1 }, '2023-06-30: j3 and j2 running, j1 and j5 not yet started, j4 cancelled');
  t.strictSame(mid2023.overdue.projects, [], '2023-06-30: nothing past its planned end');
  t.strictSame(
    mid2023.overdue.milestones.map((m) => [nameOf(m.projectId), m.title, m.daysOverdue]),
    [['j3', 'm6', 29]],
    '2023-06-30: j3 was still running and had missed m6',
  );
  t.strictSame(portfolio(view, { day: '2023-06-30', status: 'started' }).items.map((p) => [nameOf(p.id), p.status, p.startedOn]), [['j3', 'started', '2023-01-01'], ['j2', 'started', '2023-06-01']], 'items as they stood');
  t.equal(portfolio(view, { day: '2022-12-31' }).total, 0, '2022-12-31: nothing planned yet');
  t.strictSame(portfolio(view, { day: '2024-01-04' }).items.find((p) => nameOf(p.id) === 'j2')?.milestones.map((m) => m.recordedOn), [null, null], '2024-01-04: m3 not yet reached, and no m5 yet');
});

t.test('a view kept commit by commit gives the same portfolio', async (t) => {
  for (const batch of [1, 4]) {
    const kept = incrementalView(portfolioProjection, log.events, batch);
    for (const day of ['2023-06-30', TODAY]) t.strictSame(portfolio(kept, { day }), portfolio(view, { day }), `batches of ${batch}, as of ${day}`);
  }
});

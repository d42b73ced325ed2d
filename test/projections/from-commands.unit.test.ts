/**
 * The seam between the two sides: events produced by the real deciders, fed
 * through the projections into their views, answer the queries. Catches a
 * decider and a projection drifting apart on an event's shape. Every command
 * here is dated by the clock only (no `date` in its body), as a command
 * entered on the day it happened is.
 */
import t from 'tap';
import type { DecideContext, Decider, DomainEvent } from '../../commands/decider.ts';
import { campaignDecider } from '../../commands/campaign/index.ts';
import { partnershipDecider } from '../../commands/partnership/index.ts';
import { projectDecider } from '../../commands/project/index.ts';
import { reportDecider } from '../../commands/report/index.ts';
import { campaignProgress, overview, PROJECTIONS, quarterlyReport, registerQuery, submissionStatus } from '../../projections/index.ts';
import { fold, testId } from '../commands/spec.ts';
import { incrementalViews, viewsOf } from './ledger.ts';
import { eventLog } from './spec.ts';

const PID = '11111111-1111-4111-8111-111111111111';
const JID = '44444444-4444-4444-8444-444444444444';
const CID = '55555555-5555-4555-8555-555555555555';
const log = eventLog();

/** Runs commands one after another on one stream, as the command handler would, dated `now`. */
function run<C, S, E extends DomainEvent>(decider: Decider<C, S, E>, stream: string, commands: [string, C][]) {
  const history: E[] = [];
  let counter = 100;
  for (const [now, command] of commands) {
    const context: DecideContext = { now: `${now}T02:00:00.000Z`, newId: () => testId(++counter) };
    const events = decider.decide(command, fold(decider as Decider<unknown, S, E>, history), context);
    history.push(...events);
    log.append(stream, events);
  }
}

run(campaignDecider, `campaign-${CID}`, [
  ['2022-01-01', { type: 'LaunchCampaign', id: CID, data: { name: '激活友城专项行动', startsOn: '2022-01-01', endsOn: '2022-12-31', targets: { reactivations: 2 } } }],
  ['2022-02-01', { type: 'EnrollPartnership', id: CID, data: { partnershipId: PID } }],
]);
run(partnershipDecider, `partnership-${PID}`, [
  ['2021-03-01', { type: 'ProposePartnership', id: PID, data: { local: { divisionCode: '370200' }, partner: { nameEn: 'Dakar', country: 'SN', level: 'city' }, kind: 'friendly_cooperation' } }],
  ['2021-04-01', { type: 'SignLetterOfIntent', id: PID, data: {} }],
  ['2021-10-18', { type: 'SignAgreement', id: PID, data: { place: 'Qingdao', signatories: [{ side: 'local', name: 'A' }] } }],
  ['2022-06-01', { type: 'MarkDormant', id: PID, data: { reason: 'quiet' } }],
  ['2022-08-10', { type: 'RecordActivity', id: PID, data: { type: 'culture', direction: 'incoming', title: 'Visit', participants: 12, outcomes: [{ description: 'MoU' }] } }],
]);
run(projectDecider, `project-${JID}`, [
  ['2022-07-01', { type: 'PlanProject', id: JID, data: { title: 'Training', sector: 'education', partnershipIds: [PID], leadOffice: '370202', plannedStart: '2022-08-01', plannedEnd: '2022-12-31' } }],
  ['2022-08-02', { type: 'StartProject', id: JID, data: {} }],
]);
run(reportDecider, 'quarterly-report-370200-2022-q3', [
  ['2022-10-08', { type: 'SubmitQuarterlyReport', id: '370200-2022-q3', data: { office: '370200', year: 2022, quarter: 3 } }],
]);

const views = viewsOf(log.events);

t.test('every event the deciders produced is one a projection handles', async (t) => {
  const handled = new Set(PROJECTIONS.flatMap((projection) => [...projection.handles]));
  t.strictSame(log.events.filter((event) => !handled.has(event.type)).map((event) => event.type), [], 'none is left unhandled');
});

t.test('decided events answer the dashboards', async (t) => {
  t.match(
    registerQuery(views.register, { day: '2022-10-08' }).items,
    [{ id: PID, status: 'active', signedYear: 2021, reactivations: [{ date: '2022-08-10', activityId: testId(101) }] }],
    'the activity on a dormant partnership reactivated it',
  );
  t.match(overview(views, { day: '2022-10-08' }), { relationships: 1, countries: 1, byContinent: { Africa: { pairs: 1, countries: 1 } } }, 'the overview');
  const report = quarterlyReport(views, { year: 2022, quarter: 3, office: '370200' });
  t.match(report.totals, { activities: 1, outcomes: 1, reactivations: 1, projectsStarted: 1 }, 'a district project counts for its city');
  t.match(
    submissionStatus(views.reports, { year: 2022, quarter: 3, day: '2022-10-08' }),
    { submittedCount: 1, submitted: [{ office: '370200', actor: 'tester', submittedOn: '2022-10-08' }] },
    'the submission, dated by the clock',
  );
  const campaign = campaignProgress(views, CID, { day: '2022-10-08' });
  t.match(campaign?.metrics.reactivations, { target: 2, actual: 1, percent: 50 }, 'the campaign counts the reactivation');
  t.match(campaign?.enrolled.reactivated, [{ id: PID, enrolledOn: '2022-02-01', reactivatedOn: '2022-08-10', credited: false }], 'of a partnership it enrolled');
});

t.test('the same dashboards as of the day before each fact', async (t) => {
  t.match(registerQuery(views.register, { day: '2022-08-09' }).items, [{ status: 'dormant', activityCount: 0 }], '2022-08-09: still dormant');
  t.equal(overview(views, { day: '2021-10-17' }).relationships, 0, '2021-10-17: not yet signed');
  t.equal(submissionStatus(views.reports, { year: 2022, quarter: 3, day: '2022-10-07' }).submittedCount, 0, '2022-10-07: not yet submitted');
  t.equal(campaignProgress(views, CID, { day: '2021-12-31' }), undefined, '2021-12-31: the campaign was not launched');
});

t.test('views kept commit by commit answer the same', async (t) => {
  const kept = incrementalViews(log.events, 1);
  t.strictSame(overview(kept, { day: '2022-10-08' }), overview(views, { day: '2022-10-08' }), 'the overview');
  t.strictSame(quarterlyReport(kept, { year: 2022, quarter: 3 }), quarterlyReport(views, { year: 2022, quarter: 3 }), 'the quarterly report');
  t.strictSame(campaignProgress(kept, CID, { day: '2022-10-08' }), campaignProgress(views, CID, { day: '2022-10-08' }), 'the campaign');
});

/**
 * The seam between the two sides: events produced by the real deciders, fed
 * through the projections, answer the queries. Catches a decider and a
 * projection drifting apart on an event's shape.
 */
import t from 'tap';
import type { DecideContext, Decider, DomainEvent } from '../../commands/decider.ts';
import { partnershipDecider } from '../../commands/partnership/index.ts';
import { projectDecider } from '../../commands/project/index.ts';
import { reportDecider } from '../../commands/report/index.ts';
import { PROJECTIONS, overview, quarterlyReport, submissionStatus } from '../../projections/index.ts';
import type { ActivityDoc, PartnershipRow, ProjectRow, SubmissionDoc } from '../../projections/index.ts';
import { fold, testId } from '../commands/spec.ts';
import { eventLog, memoryDocuments, project as feed } from './spec.ts';

const PID = '11111111-1111-4111-8111-111111111111';
const JID = '44444444-4444-4444-8444-444444444444';
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

const stores = new Map(PROJECTIONS.map((projection) => [projection.name, feed(projection, log.events, memoryDocuments(projection.collections))]));
const all = <T>(projection: string, collection: string) => stores.get(projection)?.all(collection) as T[];

t.test('decided events answer the dashboards', async (t) => {
  const partnerships = all<PartnershipRow>('register', 'partnerships');
  const activities = all<ActivityDoc>('register', 'activities');
  const projects = all<ProjectRow>('portfolio', 'projects');
  t.match(partnerships, [{ id: PID, status: 'active', signedYear: 2021, reactivations: [{ date: '2022-08-10', activityId: testId(101) }] }]);
  t.match(overview(partnerships, { today: '2022-10-08' }), { relationships: 1, countries: 1, byContinent: { Africa: { pairs: 1, countries: 1 } } });
  const report = quarterlyReport(partnerships, activities, projects, { year: 2022, quarter: 3, office: '370200' });
  t.match(report.totals, { activities: 1, outcomes: 1, reactivations: 1, projectsStarted: 1 }, 'a district project counts for its city');
  const submissions = all<SubmissionDoc>('reports', 'submissions');
  t.match(submissionStatus(submissions, { year: 2022, quarter: 3 }), { submittedCount: 1, submitted: [{ office: '370200', actor: 'tester' }] });
});

import t from 'tap';
import { type ProjectCommandType, projectDecider } from '../../../commands/project/index.ts';
import { spec, testContext } from '../spec.ts';
import { commands, projectHistory } from './fixtures.ts';

const statuses = ['none', 'planned', 'started', 'completed', 'cancelled'] as const;
const X = 'illegal-transition';
const NF = 'not-found';
const AE = 'already-exists';

// An array is the events a legal command produces; a string is the error code of a rejected one.
const matrix: Record<ProjectCommandType, readonly (readonly string[] | string)[]> = {
  PlanProject: [['ProjectPlanned'], AE, AE, AE, AE],
  StartProject: [NF, ['ProjectStarted'], X, X, X],
  // Milestones mark progress of work under way, so a merely planned project has none to record.
  RecordMilestone: [NF, X, ['MilestoneRecorded'], X, X],
  CompleteProject: [NF, X, ['ProjectCompleted'], X, X],
  CancelProject: [NF, ['ProjectCancelled'], ['ProjectCancelled'], X, X],
};

for (const [type, row] of Object.entries(matrix) as [ProjectCommandType, readonly (readonly string[] | string)[]][]) {
  t.test(type, async (t) => {
    t.equal(row.length, statuses.length, 'the row covers every status');
    statuses.forEach((status, index) => {
      const outcome = row[index] ?? 'missing';
      const given = projectHistory[status];
      if (typeof outcome === 'string') {
        const kind = outcome === NF ? 'not-found' : 'rule';
        t.test(`rejected while ${status}`, spec(projectDecider).given(given).when(commands[type]).thenRejects(outcome, kind));
        return;
      }
      t.test(`allowed while ${status}`, async (t) => {
        const state = given.reduce(projectDecider.evolve, projectDecider.initialState);
        t.strictSame(projectDecider.decide(commands[type], state, testContext()).map((e) => e.type), outcome);
      });
    });
  });
}

t.test('the message names the command and the state', async (t) => {
  const error = spec(projectDecider).given(projectHistory.completed).when(commands.CancelProject).error();
  t.equal(error?.message, 'CancelProject is not allowed while the project is completed');
});

import t from 'tap';
import { type PartnershipCommandType, partnershipDecider } from '../../../commands/partnership/index.ts';
import { spec, testContext } from '../spec.ts';
import { commands, contact, ID, intent, proposed, signed, sisterHistory } from './fixtures.ts';

const statuses = [
  'none',
  'candidate',
  'in_contact',
  'intent_signed',
  'under_review',
  'approved',
  'active',
  'dormant',
  'terminated',
  'withdrawn',
] as const;

// An array is the events a legal command produces; a string is the error code of a rejected one.
type Outcome = readonly string[] | string;
const X = 'illegal-transition';
const NF = 'not-found';
const AE = 'already-exists';
const activity = ['ActivityRecorded'];

/** Expected outcome of each command on a Qingdao sister partnership, by status in the order above. */
const sisterMatrix: Record<PartnershipCommandType, readonly Outcome[]> = {
  ProposePartnership: [['PartnershipProposed'], AE, AE, AE, AE, AE, AE, AE, AE, AE],
  RecordContact: [NF, ['ContactEstablished'], X, X, X, X, X, X, X, X],
  SignLetterOfIntent: [NF, ['LetterOfIntentSigned'], ['LetterOfIntentSigned'], X, X, X, X, X, X, X],
  RequestApproval: [NF, X, X, ['ApprovalRequested'], X, X, X, X, X, X],
  RecordApprovalDecision: [NF, X, X, X, ['ApprovalGranted'], X, X, X, X, X],
  SignAgreement: [NF, X, X, 'approvals-incomplete', X, ['AgreementSigned'], X, X, X, X],
  RecordActivity: [NF, activity, activity, activity, activity, activity, activity, [...activity, 'PartnershipReactivated'], X, X],
  UpgradeRelationship: [NF, X, X, X, X, X, 'upgrade-not-allowed', X, X, X],
  MarkDormant: [NF, X, X, X, X, X, ['PartnershipMarkedDormant'], X, X, X],
  Reactivate: [NF, X, X, X, X, X, X, ['PartnershipReactivated'], X, X],
  TerminatePartnership: [NF, X, X, X, X, X, ['PartnershipTerminated'], ['PartnershipTerminated'], X, X],
  WithdrawProposal: [NF, ...Array<Outcome>(5).fill(['ProposalWithdrawn']), X, X, X, X],
};

const kindOf = (code: string) => (code === NF ? 'not-found' : 'rule');

for (const [type, row] of Object.entries(sisterMatrix) as [PartnershipCommandType, readonly Outcome[]][]) {
  t.test(type, async (t) => {
    t.equal(row.length, statuses.length, 'the row covers every status');
    statuses.forEach((status, index) => {
      const outcome = row[index] ?? 'missing';
      const given = sisterHistory[status];
      const command = commands[type];
      if (typeof outcome === 'string') {
        t.test(
          `rejected while ${status}`,
          spec(partnershipDecider).given(given).when(command).thenRejects(outcome, kindOf(outcome)),
        );
        return;
      }
      t.test(`allowed while ${status}`, async (t) => {
        const state = given.reduce(partnershipDecider.evolve, partnershipDecider.initialState);
        const events = partnershipDecider.decide(command, state, testContext());
        t.strictSame(events.map((e) => e.type), outcome);
      });
    });
  });
}

t.test('the illegal-transition message names the command and the state', async (t) => {
  const error = spec(partnershipDecider).given(sisterHistory.candidate).when(commands.SignAgreement).error();
  t.equal(error?.message, 'SignAgreement is not allowed while the partnership is candidate');
});

t.test('friendly cooperation differs from sister only where approvals matter', async (t) => {
  const fc = proposed('friendly_cooperation');
  const intentSigned = [fc, contact(), intent()];
  const active = [...intentSigned, signed('friendly_cooperation', '2021-06-01')];
  t.test(
    'RequestApproval is refused: none is needed',
    spec(partnershipDecider).given(intentSigned).when(commands.RequestApproval).thenRejects('approval-not-required', 'rule'),
  );
  t.test(
    'SignAgreement straight after the letter of intent',
    spec(partnershipDecider)
      .given(intentSigned)
      .when({
        type: 'SignAgreement',
        id: ID,
        data: { place: 'Jinan', signatories: [{ side: 'local', name: 'A' }], date: '2021-06-01' },
      })
      .then([
        {
          type: 'AgreementSigned',
          data: {
            partnershipId: ID,
            date: '2021-06-01',
            kind: 'friendly_cooperation',
            place: 'Jinan',
            signatories: [{ side: 'local', name: 'A' }],
          },
        },
      ]),
  );
  t.test(
    'UpgradeRelationship to sister while active',
    spec(partnershipDecider)
      .given(active)
      .when(commands.UpgradeRelationship)
      .then([
        {
          type: 'RelationshipUpgraded',
          data: { partnershipId: ID, date: '2024-06-01', from: 'friendly_cooperation', to: 'sister' },
        },
      ]),
  );
  t.test(
    'institutional relationships cannot be upgraded either',
    spec(partnershipDecider)
      .given([proposed('institutional'), intent(), signed('institutional', '2021-06-01')])
      .when(commands.UpgradeRelationship)
      .thenRejects('upgrade-not-allowed', 'rule'),
  );
});

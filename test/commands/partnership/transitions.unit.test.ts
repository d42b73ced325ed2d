import t from 'tap';
import { type PartnershipCommandType, type PartnershipEvent, partnershipDecider } from '../../../commands/partnership/index.ts';
import { fold, spec, testContext } from '../spec.ts';
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
  // While active, only a friendly-cooperation tie asks for approvals: those of its upgrade.
  RequestApproval: [NF, X, X, ['ApprovalRequested'], X, X, 'upgrade-not-allowed', X, X, X],
  RecordApprovalDecision: [NF, X, X, X, ['ApprovalGranted'], X, 'upgrade-not-allowed', X, X, X],
  SignAgreement: [NF, X, X, 'approvals-incomplete', X, ['AgreementSigned'], X, X, X, X],
  RecordActivity: [NF, activity, activity, activity, activity, activity, activity, [...activity, 'PartnershipReactivated'], X, X],
  UpgradeRelationship: [NF, X, X, X, X, X, 'upgrade-not-allowed', X, X, X],
  MarkDormant: [NF, X, X, X, X, X, ['PartnershipMarkedDormant'], X, X, X],
  Reactivate: [NF, X, X, X, X, X, X, ['PartnershipReactivated'], X, X],
  TerminatePartnership: [NF, X, X, X, X, X, ['PartnershipTerminated'], ['PartnershipTerminated'], X, X],
  WithdrawProposal: [NF, ...Array<Outcome>(5).fill(['ProposalWithdrawn']), X, X, X, X],
  // Whatever became of the partnership, what was recorded about the partner can be corrected.
  CorrectPartnershipRecord: [NF, ...Array<Outcome>(9).fill(['PartnershipRecordCorrected'])],
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
    'UpgradeRelationship without the approvals a sister tie needs',
    spec(partnershipDecider).given(active).when(commands.UpgradeRelationship).thenRejects('approvals-incomplete', 'rule'),
  );
  const upgradeApproved: PartnershipEvent[] = [
    ...active,
    { type: 'ApprovalRequested', data: { partnershipId: ID, date: '2023-01-10', level: 'city', upgradeRequires: ['city', 'province', 'national'] } },
    { type: 'ApprovalGranted', data: { partnershipId: ID, date: '2023-02-01', level: 'city', levelsRemaining: ['province', 'national'] } },
    { type: 'ApprovalRequested', data: { partnershipId: ID, date: '2023-02-10', level: 'province' } },
    { type: 'ApprovalGranted', data: { partnershipId: ID, date: '2023-03-01', level: 'province', reference: 'LZB-2023-2', levelsRemaining: ['national'] } },
    { type: 'ApprovalRequested', data: { partnershipId: ID, date: '2023-03-10', level: 'national' } },
    { type: 'ApprovalGranted', data: { partnershipId: ID, date: '2023-06-01', level: 'national', reference: 'WB-2023-9', levelsRemaining: [] } },
  ];
  t.test(
    'UpgradeRelationship to sister once the approvals are granted, with the new agreement',
    spec(partnershipDecider)
      .given(upgradeApproved)
      .when(commands.UpgradeRelationship)
      .then([
        {
          type: 'RelationshipUpgraded',
          data: { partnershipId: ID, date: '2024-06-01', from: 'friendly_cooperation', to: 'sister', place: 'Dakar', signatories: [{ side: 'partner', name: 'B' }] },
        },
      ]),
  );
  t.test('the upgrade approvals are asked while the tie stays active', async (t) => {
    const state = fold(partnershipDecider, upgradeApproved.slice(0, active.length + 3));
    t.match(state, { status: 'active', kind: 'friendly_cooperation', approvals: { required: [], granted: [] } });
    t.match(state.status !== 'none' && state.upgradeApprovals, { required: ['city', 'province', 'national'], granted: [{ level: 'city' }], pending: 'province' });
  });
  t.test(
    'the first upgrade request names the chain it needs',
    spec(partnershipDecider)
      .given(active)
      .when({ type: 'RequestApproval', id: ID, data: { level: 'city', date: '2023-01-10' } })
      .then([{ type: 'ApprovalRequested', data: { partnershipId: ID, date: '2023-01-10', level: 'city', upgradeRequires: ['city', 'province', 'national'] } }]),
  );
  t.test(
    'institutional relationships cannot be upgraded either',
    spec(partnershipDecider)
      .given([proposed('institutional'), intent(), signed('institutional', '2021-06-01')])
      .when(commands.UpgradeRelationship)
      .thenRejects('upgrade-not-allowed', 'rule'),
  );
});

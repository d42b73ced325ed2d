import t from 'tap';
import { type CampaignCommandType, type CampaignEvent, campaignDecider } from '../../../commands/campaign/index.ts';
import { fold, spec, testContext, TODAY } from '../spec.ts';

const ID = '55555555-5555-4555-8555-555555555555';
const P1 = '11111111-1111-4111-8111-111111111111';
const decider = spec(campaignDecider);

const launched: CampaignEvent = {
  type: 'CampaignLaunched',
  data: {
    campaignId: ID,
    date: '2021-03-01',
    name: 'Activate Friendship Cities',
    startsOn: '2021-03-01',
    endsOn: '2021-12-31',
    targets: { reservePairs: 168, plannedProjects: 127 },
  },
};
const enrolled: CampaignEvent = { type: 'PartnershipEnrolled', data: { campaignId: ID, date: '2021-04-01', partnershipId: P1 } };
const closed: CampaignEvent = { type: 'CampaignClosed', data: { campaignId: ID, date: '2021-12-31' } };

const commands = {
  LaunchCampaign: {
    type: 'LaunchCampaign',
    id: ID,
    data: { name: 'Activate Friendship Cities', startsOn: '2021-03-01', endsOn: '2021-12-31', date: '2021-03-01' },
  },
  EnrollPartnership: { type: 'EnrollPartnership', id: ID, data: { partnershipId: '66666666-6666-4666-8666-666666666666', date: '2021-06-01' } },
  SetCampaignTarget: { type: 'SetCampaignTarget', id: ID, data: { metric: 'reactivations', value: 40 } },
  CloseCampaign: { type: 'CloseCampaign', id: ID, data: {} },
} as const;

const X = 'illegal-transition';
// An array is the events a legal command produces; a string is the error code of a rejected one.
type Outcome = readonly string[] | string;
const matrix: Record<CampaignCommandType, [none: Outcome, open: Outcome, closed: Outcome]> = {
  LaunchCampaign: [['CampaignLaunched'], 'already-exists', 'already-exists'],
  EnrollPartnership: ['not-found', ['PartnershipEnrolled'], X],
  SetCampaignTarget: ['not-found', ['CampaignTargetSet'], X],
  CloseCampaign: ['not-found', ['CampaignClosed'], X],
};
const histories = { none: [], open: [launched], closed: [launched, closed] };

for (const [type, row] of Object.entries(matrix) as [CampaignCommandType, Outcome[]][]) {
  (['none', 'open', 'closed'] as const).forEach((status, index) => {
    const outcome = row[index] ?? 'missing';
    if (typeof outcome === 'string') {
      const kind = outcome === 'not-found' ? 'not-found' : 'rule';
      t.test(
        `${type} rejected while ${status}`,
        decider.given(histories[status]).when(commands[type]).thenRejects(outcome, kind),
      );
      return;
    }
    t.test(`${type} allowed while ${status}`, async (t) => {
      const events = campaignDecider.decide(commands[type], fold(campaignDecider, histories[status]), testContext());
      t.strictSame(events.map((e) => e.type), outcome);
    });
  });
}

t.test(
  'a campaign is launched with its targets',
  decider
    .given([])
    .when({
      type: 'LaunchCampaign',
      id: ID,
      data: { ...commands.LaunchCampaign.data, targets: { reservePairs: 168, plannedProjects: 127 } },
    })
    .then([launched]),
);

t.test(
  'a campaign ending before it starts is refused',
  decider
    .given([])
    .when({ type: 'LaunchCampaign', id: ID, data: { name: 'x', startsOn: '2021-03-01', endsOn: '2021-02-01' } })
    .thenRejects('ends-before-start', 'invalid'),
);

t.test('enrolment', async (t) => {
  t.test(
    'records the partnership',
    decider
      .given([launched])
      .when({ type: 'EnrollPartnership', id: ID, data: { partnershipId: P1, date: '2021-04-01' } })
      .then([enrolled]),
  );
  t.test(
    'only once per partnership',
    decider
      .given([launched, enrolled])
      .when({ type: 'EnrollPartnership', id: ID, data: { partnershipId: P1 } })
      .thenRejects('already-enrolled', 'rule'),
  );
  t.test(
    'not after the campaign ended, even while it is not closed',
    decider
      .given([launched])
      .when({ type: 'EnrollPartnership', id: ID, data: { partnershipId: P1, date: '2022-01-01' } })
      .thenRejects('campaign-ended', 'rule'),
  );
  t.test(
    'on its last day',
    decider
      .given([launched])
      .when({ type: 'EnrollPartnership', id: ID, data: { partnershipId: P1, date: '2021-12-31' } })
      .then([{ ...enrolled, data: { ...enrolled.data, date: '2021-12-31' } }]),
  );
  t.test(
    'not before the launch',
    decider
      .given([launched])
      .when({ type: 'EnrollPartnership', id: ID, data: { partnershipId: P1, date: '2021-02-01' } })
      .thenRejects('date-before-launch', 'invalid'),
  );
});

t.test(
  'a revised target remembers the one it replaces',
  decider
    .given([launched])
    .when({ type: 'SetCampaignTarget', id: ID, data: { metric: 'reservePairs', value: 170, date: '2021-06-01' } })
    .then([
      {
        type: 'CampaignTargetSet',
        data: { campaignId: ID, date: '2021-06-01', metric: 'reservePairs', value: 170, previous: 168 },
      },
    ]),
);

t.test(
  'closing keeps the summary and is dated today by default',
  decider
    .given([launched])
    .when({ type: 'CloseCampaign', id: ID, data: { summary: '32 partnerships reactivated' } })
    .then([{ type: 'CampaignClosed', data: { campaignId: ID, date: TODAY, summary: '32 partnerships reactivated' } }]),
);

t.test('the state follows the campaign', async (t) => {
  const target: CampaignEvent = {
    type: 'CampaignTargetSet',
    data: { campaignId: ID, date: '2021-06-01', metric: 'activities', value: 600 },
  };
  t.strictSame(fold(campaignDecider, [launched, enrolled, target, closed]), {
    id: ID,
    status: 'closed',
    name: 'Activate Friendship Cities',
    launchedOn: '2021-03-01',
    startsOn: '2021-03-01',
    endsOn: '2021-12-31',
    targets: { reservePairs: 168, plannedProjects: 127, activities: 600 },
    enrolled: [P1],
    closedOn: '2021-12-31',
  });
});

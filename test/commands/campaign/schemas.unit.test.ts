import t from 'tap';
import { campaignCommandSchemas, LaunchCampaignBody } from '../../../commands/campaign/index.ts';
import { issues } from '../issues.ts';

const launch = (patch: Record<string, unknown>) =>
  issues(LaunchCampaignBody, {
    name: 'Activate Friendship Cities',
    startsOn: '2021-03-01',
    endsOn: '2021-12-31',
    ...patch,
  }).codes;

t.test('launch bodies', async (t) => {
  t.strictSame(launch({}), []);
  const targets = { reservePairs: 168, plannedProjects: 127, reactivations: 30, activities: 600, newAgreements: 10 };
  t.strictSame(launch({ targets }), []);
  t.strictSame(launch({ name: undefined }), ['name: invalid_type']);
  t.strictSame(launch({ endsOn: '2021-02-01' }), ['endsOn: ends-before-start']);
  t.strictSame(launch({ startsOn: '2021-02-30' }), ['startsOn: invalid_format']);
  t.strictSame(launch({ targets: { reservePairs: -1 } }), ['targets.reservePairs: too_small']);
  t.strictSame(launch({ targets: { reservePairs: 1.5 } }), ['targets.reservePairs: invalid_type']);
  t.strictSame(launch({ targets: { visits: 3 } }), ['targets: unrecognized_keys']);
  t.strictSame(launch({ region: 'east' }), [': unrecognized_keys']);
});

t.test('the other bodies', async (t) => {
  const s = campaignCommandSchemas;
  t.strictSame(issues(s.EnrollPartnership, { partnershipId: 'p-1' }).codes, ['partnershipId: invalid_format']);
  t.strictSame(issues(s.EnrollPartnership, {}).codes, ['partnershipId: invalid_type']);
  t.strictSame(issues(s.SetCampaignTarget, { metric: 'visits', value: 3 }).codes, ['metric: invalid_value']);
  t.strictSame(issues(s.SetCampaignTarget, { metric: 'activities', value: -3 }).codes, ['value: too_small']);
  t.strictSame(issues(s.CloseCampaign, { summary: 'x'.repeat(2001) }).codes, ['summary: too_big']);
});

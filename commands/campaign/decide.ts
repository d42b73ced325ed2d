import type { DecideContext } from '../decider.ts';
import { DomainError } from '../errors.ts';
import { factDate, requireNotBefore } from '../shared/dates.ts';
import { alreadyExists, illegalTransition, notFound, requireSameId, unreachable } from '../shared/errors.ts';
import { eventFactory } from '../shared/events.ts';
import type { CampaignCommand } from './commands.ts';
import type { CampaignEvent } from './events.ts';
import type { CampaignState } from './state.ts';

const event = eventFactory<CampaignEvent>();

export function decide(command: CampaignCommand, state: CampaignState, context: DecideContext): CampaignEvent[] {
  if (command.type === 'LaunchCampaign') {
    if (state.status !== 'none') throw alreadyExists('campaign', command.id);
    const { data } = command;
    requireSameId(data.id, command.id);
    if (data.endsOn < data.startsOn) {
      const message = `endsOn ${data.endsOn} is before startsOn ${data.startsOn}`;
      throw new DomainError('ends-before-start', message, ['endsOn'], { values: { endsOn: data.endsOn, startsOn: data.startsOn } });
    }
    const { name, startsOn, endsOn, notes } = data;
    const date = factDate(data.date, context.now);
    const targets = data.targets ?? {};
    return [event('CampaignLaunched', { campaignId: command.id, date, notes, name, startsOn, endsOn, targets })];
  }
  if (state.status === 'none') throw notFound('campaign', command.id);

  const date = factDate(command.data.date, context.now);
  // A closed campaign is a finished record; reopening would rewrite its reported results.
  if (state.status === 'closed') throw illegalTransition(command.type, 'campaign', state.status);
  requireNotBefore(date, state.launchedOn, 'date-before-launch', 'the campaign launch');
  const fact = { campaignId: state.id, date, notes: command.data.notes };

  switch (command.type) {
    case 'EnrollPartnership': {
      const { partnershipId } = command.data;
      if (state.enrolled.includes(partnershipId)) {
        throw new DomainError('already-enrolled', `partnership ${partnershipId} is already enrolled`, undefined, { values: { partnershipId } });
      }
      // The campaign's period is over the day after it ends, closed or not: a later enrolment would count for nothing.
      if (date > state.endsOn) {
        const message = `the campaign ended on ${state.endsOn}; an enrolment dated ${date} comes after it`;
        throw new DomainError('campaign-ended', message, ['date'], { values: { endsOn: state.endsOn, date } });
      }
      return [event('PartnershipEnrolled', { ...fact, partnershipId })];
    }
    case 'SetCampaignTarget': {
      const { metric, value } = command.data;
      return [event('CampaignTargetSet', { ...fact, metric, value, previous: state.targets[metric] })];
    }
    case 'CloseCampaign':
      return [event('CampaignClosed', { ...fact, summary: command.data.summary })];
    default:
      return unreachable(command);
  }
}

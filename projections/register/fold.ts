import type { ActivityRecorded, PartnershipEvent } from '../../commands/partnership/index.ts';
import { evolve, initialState } from '../../commands/partnership/state.ts';
import type { ProjectedEvent } from '../projection.ts';
import { yearOf } from '../shared/dates.ts';
import { stamp } from '../shared/revision.ts';
import type { ActivityDoc, PartnershipRow, Reactivation } from './rows.ts';

/**
 * Folds one event into a register row. The aggregate's part comes from the
 * write side's `evolve`; stages, reactivations and the signing year are
 * accumulated here because the aggregate has no use for them.
 */
export function foldPartnership(
  row: PartnershipRow | undefined,
  event: PartnershipEvent,
  recorded: ProjectedEvent,
): PartnershipRow | undefined {
  const next = evolve(row ?? initialState, event);
  // Only a proposal creates a row; a stray event before it has nothing to attach to.
  if (next.status === 'none') return undefined;
  const stages = row?.stages ?? [];
  const reactivations = row?.reactivations ?? [];
  return {
    ...next,
    stages: row?.status === next.status ? stages : [...stages, { status: next.status, since: next.statusSince }],
    signedYear: next.signedOn === null ? null : yearOf(next.signedOn),
    reactivations: event.type === 'PartnershipReactivated' ? [...reactivations, reactivation(event)] : reactivations,
    ...stamp(recorded),
  };
}

function reactivation({ data }: Extract<PartnershipEvent, { type: 'PartnershipReactivated' }>): Reactivation {
  return {
    date: data.date,
    ...(data.campaignId !== undefined && { campaignId: data.campaignId }),
    ...(data.activityId !== undefined && { activityId: data.activityId }),
  };
}

export function activityDoc({ data }: ActivityRecorded, row: PartnershipRow, recorded: ProjectedEvent): ActivityDoc {
  return {
    activityId: data.activityId,
    partnershipId: data.partnershipId,
    divisionCode: row.local.divisionCode,
    cityCode: row.local.cityCode,
    date: data.date,
    type: data.type,
    direction: data.direction,
    title: data.title,
    participants: data.participants,
    ...(data.audience !== undefined && { audience: data.audience }),
    ...(data.leaderRank !== undefined && { leaderRank: data.leaderRank }),
    ...(data.leaderTitle !== undefined && { leaderTitle: data.leaderTitle }),
    outcomeCount: data.outcomes.length,
    outcomes: data.outcomes.map((outcome) => outcome.description),
    revision: recorded.revision,
  };
}

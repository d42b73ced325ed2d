import { ACTIVITY_TYPES, type PartnershipEventType } from '../../commands/partnership/index.ts';
import type { DocKey, ProjectedEvent, Projection } from '../projection.ts';
import { dayNumber } from '../shared/dates.ts';
import { appendToStreamDoc } from '../shared/stream-docs.ts';
import { ACTIVITIES, activityChunkId, type ActivityChunkDoc, PARTNERSHIPS } from './docs.ts';
import { registerView, type RegisterView } from './view.ts';

/** A Record, not a list, so a new partnership event type fails to compile until it is handled here. */
const HANDLED: Record<PartnershipEventType, true> = {
  PartnershipProposed: true,
  ContactEstablished: true,
  LetterOfIntentSigned: true,
  ApprovalRequested: true,
  ApprovalGranted: true,
  ApprovalRejected: true,
  ApprovalReturned: true,
  AgreementSigned: true,
  ActivityRecorded: true,
  RelationshipUpgraded: true,
  PartnershipMarkedDormant: true,
  PartnershipReactivated: true,
  PartnershipTerminated: true,
  ProposalWithdrawn: true,
  PartnershipRecordCorrected: true,
};

const TYPE_INDEX = new Map<string, number>(ACTIVITY_TYPES.map((type, index) => [type, index]));

const partnershipOf = (event: ProjectedEvent) => String(event.data.partnershipId);

function recordActivity(chunk: ActivityChunkDoc | undefined, event: ProjectedEvent): ActivityChunkDoc | undefined {
  // Revisions of a stream arrive in order: one at or below the chunk's last is a redelivery.
  if (chunk !== undefined && (chunk.revisions.at(-1) ?? -1) >= event.revision) return undefined;
  const data = event.data as { date: string; type: string; outcomes: unknown[]; leaderRank?: string };
  const base = chunk ?? { partnershipId: partnershipOf(event), revisions: [], days: [], types: [], outcomes: [], ranks: [], recordedAt: [] };
  return {
    partnershipId: base.partnershipId,
    revisions: [...base.revisions, event.revision],
    days: [...base.days, dayNumber(data.date)],
    types: [...base.types, TYPE_INDEX.get(data.type) ?? ACTIVITY_TYPES.indexOf('other')],
    outcomes: [...base.outcomes, data.outcomes.length],
    ranks: [...base.ranks, data.leaderRank ?? null],
    recordedAt: [...base.recordedAt, Date.parse(event.recordedAt)],
  };
}

/**
 * The partnership register: a partnership's lifecycle in one document, its
 * activities in small ones. Everything dashboards ask — counts as of any
 * day, the register's filters, the timeline — is kept by its view.
 */
export const registerProjection: Projection<RegisterView> = {
  name: 'register',
  version: 2,
  collections: [PARTNERSHIPS, ACTIVITIES],
  handles: new Set(Object.keys(HANDLED)),
  touches(event): readonly DocKey[] {
    const id = partnershipOf(event);
    return event.type === 'ActivityRecorded' ? [[ACTIVITIES, activityChunkId(id, event.revision)]] : [[PARTNERSHIPS, id]];
  },
  apply(event, docs) {
    const id = partnershipOf(event);
    if (event.type === 'ActivityRecorded') {
      const chunkId = activityChunkId(id, event.revision);
      const next = recordActivity(docs.get<ActivityChunkDoc>(ACTIVITIES, chunkId), event);
      if (next !== undefined) docs.put(ACTIVITIES, chunkId, next);
      return;
    }
    appendToStreamDoc(docs, PARTNERSHIPS, id, event, 'PartnershipProposed');
  },
  view: registerView,
};

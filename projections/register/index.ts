import type { PartnershipEvent, PartnershipEventType } from '../../commands/partnership/index.ts';
import type { Projection } from '../projection.ts';
import { isNew } from '../shared/revision.ts';
import { activityDoc, foldPartnership } from './fold.ts';
import { ACTIVITIES, type PartnershipRow, PARTNERSHIPS } from './rows.ts';

/** A Record, not a list, so a new partnership event type fails to compile until it is handled here. */
const HANDLED: Record<PartnershipEventType, true> = {
  PartnershipProposed: true,
  ContactEstablished: true,
  LetterOfIntentSigned: true,
  ApprovalRequested: true,
  ApprovalGranted: true,
  ApprovalRejected: true,
  AgreementSigned: true,
  ActivityRecorded: true,
  RelationshipUpgraded: true,
  PartnershipMarkedDormant: true,
  PartnershipReactivated: true,
  PartnershipTerminated: true,
  ProposalWithdrawn: true,
};

/**
 * The partnership register: one row per partnership and one document per
 * activity. Dashboards aggregate these at request time (see `queries/`).
 */
export const registerProjection: Projection = {
  name: 'register',
  version: 1,
  collections: [PARTNERSHIPS, ACTIVITIES],
  handles: new Set(Object.keys(HANDLED)),
  touches: (recorded) => {
    const data = recorded.data as { partnershipId: string };
    return [[PARTNERSHIPS, data.partnershipId]];
  },
  apply(recorded, docs) {
    // `handles` admits only partnership events, whose data the write side shaped.
    const event = { type: recorded.type, data: recorded.data } as PartnershipEvent;
    const id = event.data.partnershipId;
    const row = docs.get<PartnershipRow>(PARTNERSHIPS, id);
    if (!isNew(row, recorded)) return;
    const next = foldPartnership(row, event, recorded);
    if (next === undefined) return;
    docs.put(PARTNERSHIPS, id, next);
    if (event.type === 'ActivityRecorded') {
      docs.put(ACTIVITIES, event.data.activityId, activityDoc(event, next, recorded));
    }
  },
};

export * from './rows.ts';

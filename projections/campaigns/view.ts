import type { Campaign, CampaignEvent } from '../../commands/campaign/index.ts';
import { evolve, initialState, type CampaignState } from '../../commands/campaign/state.ts';
import type { StreamDoc } from '../shared/stream-docs.ts';
import { type DatedFold, type DatedState, foldContinues, foldDated } from '../shared/versions.ts';
import type { ViewDefinition } from '../view.ts';

export const CAMPAIGNS = 'campaigns';

export interface CampaignEntry {
  id: string;
  versions: DatedState<Campaign>[];
  /** Each enrolled partnership and the day it joined. */
  enrolledOn: Map<string, string>;
  /** The closing summary, if it was closed with one. */
  summary: string | undefined;
  /** Where the fold of its events stopped: the next change folds only what came after. */
  fold: DatedFold<CampaignState>;
}

export interface CampaignsView {
  entries: Map<string, CampaignEntry>;
}

const fold = (state: CampaignState, event: { type: string; data: Record<string, unknown> }) => evolve(state, event as CampaignEvent);

export const campaignsView: ViewDefinition<CampaignsView> = {
  create: () => ({ entries: new Map() }),
  apply(view, changes) {
    for (const change of changes) {
      if (change.collection !== CAMPAIGNS) continue;
      if (change.after === undefined) {
        view.entries.delete(change.id);
        continue;
      }
      const { events } = change.after as StreamDoc;
      // A campaign's stream grows by thousands of enrolments: each change folds only the events after the last one.
      const previous = view.entries.get(change.id);
      const start = previous !== undefined && foldContinues(previous.fold, events) ? previous : undefined;
      const folded = foldDated(events, fold, initialState, start?.fold);
      const enrolledOn = new Map(start?.enrolledOn);
      let summary = start?.summary;
      for (const event of events.slice(start?.fold.folded ?? 0)) {
        if (event.type === 'PartnershipEnrolled') enrolledOn.set(String(event.data.partnershipId), String(event.data.date));
        if (event.type === 'CampaignClosed' && typeof event.data.summary === 'string') summary = event.data.summary;
      }
      view.entries.set(change.id, { id: change.id, versions: folded.states, enrolledOn, summary, fold: folded });
    }
  },
};

import { type Project, type ProjectEvent } from '../../commands/project/index.ts';
import { evolve, initialState, type ProjectState } from '../../commands/project/state.ts';
import { DatedCounts } from '../shared/dated-counts.ts';
import { dayNumber } from '../shared/dates.ts';
import type { StreamDoc } from '../shared/stream-docs.ts';
import { type DatedState, datedStates } from '../shared/versions.ts';
import type { ViewDefinition } from '../view.ts';

export const PROJECTS = 'projects';

export interface ProjectEntry {
  id: string;
  versions: DatedState<Project>[];
  contributions: readonly (readonly [string, string, number, number])[];
}

export interface PortfolioView {
  entries: Map<string, ProjectEntry>;
  counts: DatedCounts;
  /** The projects serving each partnership. */
  byPartnership: Map<string, Set<ProjectEntry>>;
}

const fold = (state: ProjectState, event: { type: string; data: Record<string, unknown> }) => evolve(state, event as ProjectEvent);

/** What a project adds to the dated counts: its status while it holds, and the days it started and was completed. */
function contributionsOf(versions: readonly DatedState<Project>[]) {
  const out: (readonly [string, string, number, number])[] = [];
  versions.forEach((version, i) => {
    out.push(['status', version.state.status, version.from, 1]);
    const until = versions[i + 1]?.from;
    if (until !== undefined) out.push(['status', version.state.status, until, -1]);
  });
  const last = versions.at(-1)?.state;
  if (last?.startedOn) out.push(['started', last.leadOfficeCity, dayNumber(last.startedOn), 1]);
  if (last?.completedOn) out.push(['completed', last.leadOfficeCity, dayNumber(last.completedOn), 1]);
  return out;
}

function serves(view: PortfolioView, entry: ProjectEntry, add: boolean) {
  for (const id of entry.versions.at(-1)?.state.partnershipIds ?? []) {
    let set = view.byPartnership.get(id);
    if (add) {
      if (set === undefined) view.byPartnership.set(id, (set = new Set()));
      set.add(entry);
    } else set?.delete(entry);
  }
}

export const portfolioView: ViewDefinition<PortfolioView> = {
  create: () => ({ entries: new Map(), counts: new DatedCounts(), byPartnership: new Map() }),
  apply(view, changes) {
    for (const change of changes) {
      if (change.collection !== PROJECTS) continue;
      const existing = view.entries.get(change.id);
      if (existing !== undefined) {
        serves(view, existing, false);
        for (const [family, member, day, delta] of existing.contributions) view.counts.add(family, member, day, -delta);
        view.entries.delete(change.id);
      }
      if (change.after === undefined) continue;
      const versions = datedStates((change.after as StreamDoc).events, fold, initialState);
      const entry: ProjectEntry = { id: change.id, versions, contributions: contributionsOf(versions) };
      for (const [family, member, day, delta] of entry.contributions) view.counts.add(family, member, day, delta);
      view.entries.set(change.id, entry);
      serves(view, entry, true);
    }
  },
};

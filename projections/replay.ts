import type { Doc, Documents, ProjectedEvent, Projection } from './projection.ts';
import type { ReadViews } from './queries/views.ts';
import type { DocChange, ViewOptions } from './view.ts';

/**
 * The views of the given events, built in memory in one pass: every event
 * through every projection that handles it, then each projection's
 * documents into its view. For the read models as the ledger knew them at
 * a past moment (the events recorded by then), and for tools that want the
 * figures of a log without running the service.
 */
export function viewsFromEvents(projections: readonly Projection[], events: Iterable<ProjectedEvent>, options: ViewOptions): ReadViews {
  const stores = projections.map((projection) => ({ projection, docs: new Map<string, Map<string, Doc>>(projection.collections.map((c) => [c, new Map()])) }));
  const documents = (docs: Map<string, Map<string, Doc>>): Documents => ({
    get: <T extends Doc>(collection: string, id: string) => docs.get(collection)?.get(id) as T | undefined,
    put: (collection, id, doc) => void docs.get(collection)?.set(id, doc),
    delete: (collection, id) => void docs.get(collection)?.delete(id),
  });
  const views = stores.map((store) => ({ ...store, documents: documents(store.docs) }));
  for (const event of events) {
    for (const { projection, documents: docs } of views) if (projection.handles.has(event.type)) projection.apply(event, docs);
  }
  const built: Record<string, unknown> = {};
  for (const { projection, docs } of views) {
    if (projection.view === undefined) continue;
    const view = projection.view.create(options);
    const changes: DocChange[] = [];
    for (const [collection, byId] of docs) for (const [id, after] of byId) changes.push({ collection, id, before: undefined, after });
    projection.view.apply(view, changes);
    projection.view.settle?.(view);
    built[projection.name] = view;
  }
  return built as unknown as ReadViews;
}

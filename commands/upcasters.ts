import { activityRecordedV1ToV2 } from './partnership/upcasters.ts';

/**
 * Schema evolution. An event type, once released, keeps its meaning; when
 * its shape changes, the new shape gets the next `schemaVersion` and an
 * upcaster that turns the previous version into it. Events are never
 * rewritten in the store: readers upcast on read, so handlers, projections
 * and history all see the current shape, and the stored bytes (and their
 * hash chain) stay as written.
 */
type Upcaster = (data: Record<string, unknown>) => Record<string, unknown>;

/** Per event type, the upcasters in order: index 0 turns version 1 into 2. */
const UPCASTERS: Readonly<Record<string, readonly Upcaster[]>> = {
  ActivityRecorded: [activityRecordedV1ToV2],
};

/** The version new events of this type are written with. */
export function currentSchemaVersion(type: string): number {
  return 1 + (UPCASTERS[type]?.length ?? 0);
}

/**
 * The data of a stored event in the current shape of its type. A version
 * newer than this code knows (written by a later release) is left as it is.
 */
export function upcast(type: string, data: Record<string, unknown>, storedVersion: number): Record<string, unknown> {
  const steps = UPCASTERS[type] ?? [];
  let upcasted = data;
  for (let version = Math.max(storedVersion, 1); version <= steps.length; version++) {
    upcasted = (steps[version - 1] as Upcaster)(upcasted);
  }
  return upcasted;
}

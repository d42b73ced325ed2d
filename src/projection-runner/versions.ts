/**
 * Read-model version names: `<projection version>` for the first build of a
 * projection version, `<projection version>.<generation>` for each rebuild
 * of it. A version whose number differs from the code's projection version
 * was built by other code and is rebuilt.
 */
const VERSION = /^(\d+)(?:\.(\d+))?$/;

function parse(version: string): { number: number; generation: number } | undefined {
  const match = VERSION.exec(version);
  if (!match) return undefined;
  return { number: Number(match[1]), generation: Number(match[2] ?? 0) };
}

/** True when `version` holds data built by this projection version's `apply`. */
export function builtBy(version: string, projectionVersion: number): boolean {
  return parse(version)?.number === projectionVersion;
}

/** The version a new build writes to, given the one readers see now. */
export function nextVersion(active: string | undefined, projectionVersion: number): string {
  const current = active === undefined ? undefined : parse(active);
  if (!current || current.number !== projectionVersion) return String(projectionVersion);
  return `${projectionVersion}.${current.generation + 1}`;
}

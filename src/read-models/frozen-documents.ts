import type { Doc } from '../../projections/projection.ts';

/** A value that is not JSON (a BigInt, a function, a Date, a Map, NaN…): such a document could not be written to a snapshot or to Redis. */
export class NotStorableError extends TypeError {
  override readonly name = 'NotStorableError';
}

/** Raised where a value is refused; each enclosing level adds its key on the way out, so no path is built for values that pass. */
class Refused extends Error {
  readonly path: string[] = [];
  constructor(readonly reason: string) {
    super(reason);
  }
}

function isPlain(value: object): boolean {
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null || Array.isArray(value);
}

/** Freezes an array's item (a number) or an object's field (a string). */
function freezeItem(value: unknown, at: number | string): void {
  try {
    freezeValue(value);
  } catch (error) {
    if (error instanceof Refused) error.path.unshift(typeof at === 'number' ? `[${at}]` : `.${at}`);
    throw error;
  }
}

function freezeValue(value: unknown): void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  // Only an array hands an undefined down: an object's undefined field is skipped (JSON leaves it out).
  if (value === undefined) throw new Refused('is undefined, which a JSON array cannot hold');
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Refused(`is ${value}, which JSON cannot hold`);
    return;
  }
  if (typeof value !== 'object') throw new Refused(`is a ${typeof value}, which JSON cannot hold`);
  // Frozen parts were checked when they were first stored: copy on write shares them between versions of a document.
  if (Object.isFrozen(value)) return;
  if (!isPlain(value)) throw new Refused(`is a ${value.constructor?.name ?? 'special object'}, which JSON cannot hold`);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) freezeItem(value[i], i);
  } else {
    for (const key in value) {
      const item = (value as Record<string, unknown>)[key];
      // An undefined field is what JSON leaves out: the same document once written and read back.
      if (item !== undefined) freezeItem(item, key);
    }
  }
  Object.freeze(value);
}

/**
 * Checks that a document holds only JSON values and freezes it, deeply, in
 * place: the memory store keeps the projection's own objects instead of JSON
 * text, so nothing may change them afterwards. Walks only what is not frozen
 * yet, so a document that shares most of itself with its previous version
 * costs only its new parts. A refusal names the collection, the id and the
 * place in the document.
 */
export function freezeDocument(doc: Doc, collection: string, id: string): Doc {
  try {
    freezeValue(doc);
  } catch (error) {
    if (error instanceof Refused) throw new NotStorableError(`${collection}/${id}${error.path.join('')} ${error.reason}`);
    throw error;
  }
  return doc;
}

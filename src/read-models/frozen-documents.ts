import type { Doc } from '../../projections/projection.ts';

/** A value that is not JSON (a BigInt, a function, a Date, a Map, NaN…): such a document could not be written to a snapshot or to Redis. */
export class NotStorableError extends TypeError {
  override readonly name = 'NotStorableError';
}

function isPlain(value: object): boolean {
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null || Array.isArray(value);
}

function freezeValue(value: unknown, path: string): void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new NotStorableError(`${path} is ${value}, which JSON cannot hold`);
    return;
  }
  if (typeof value !== 'object') throw new NotStorableError(`${path} is a ${typeof value}, which JSON cannot hold`);
  // Frozen parts were checked when they were first stored: copy on write shares them between versions of a document.
  if (Object.isFrozen(value)) return;
  if (!isPlain(value)) throw new NotStorableError(`${path} is a ${value.constructor?.name ?? 'special object'}, which JSON cannot hold`);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      if (value[i] === undefined) throw new NotStorableError(`${path}[${i}] is undefined, which a JSON array cannot hold`);
      freezeValue(value[i], `${path}[${i}]`);
    }
  } else {
    for (const key in value) {
      const item = (value as Record<string, unknown>)[key];
      // An undefined field is what JSON leaves out: the same document once written and read back.
      if (item !== undefined) freezeValue(item, `${path}.${key}`);
    }
  }
  Object.freeze(value);
}

/**
 * Checks that a document holds only JSON values and freezes it, deeply, in
 * place: the memory store keeps the projection's own objects instead of JSON
 * text, so nothing may change them afterwards. Walks only what is not frozen
 * yet, so a document that shares most of itself with its previous version
 * costs only its new parts.
 */
export function freezeDocument(doc: Doc, path = 'document'): Doc {
  freezeValue(doc, path);
  return doc;
}

import type { DomainEvent } from '../decider.ts';

/**
 * Event data is stored as JSON and hashed for the audit chain, so it must
 * round-trip exactly: absent optionals are omitted rather than `undefined`.
 */
export function plain<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => plain(item)) as T;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return Object.fromEntries(entries.map(([k, v]) => [k, plain(v)])) as T;
  }
  return value;
}

/** A typed constructor for one aggregate's events that also normalises their data. */
export function eventFactory<E extends DomainEvent>() {
  return <T extends E['type']>(type: T, data: Extract<E, { type: T }>['data']): Extract<E, { type: T }> =>
    ({ type, data: plain(data) }) as Extract<E, { type: T }>;
}

import type { FastifyBaseLogger } from 'fastify';
import type { CatalogueCode } from '../errors.ts';

/** The 503s that report something the service depends on being down or behind: what the log names, and its two states. */
const OUTAGES: Partial<Record<CatalogueCode, { what: string; down: string; up: string }>> = {
  'store-unavailable': { what: 'event store', down: 'unavailable', up: 'available again' },
  'read-models-unavailable': { what: 'read models', down: 'unavailable', up: 'available again' },
  'read-model-rebuilding': { what: 'read models', down: 'being built', up: 'built' },
  'read-model-behind': { what: 'read models', down: 'behind', up: 'caught up' },
  'projection-not-ready': { what: 'projection', down: 'not ready', up: 'ready' },
  'shutting-down': { what: 'service', down: 'shutting down', up: 'answering again' },
};

/** Whether a code is an outage the log reports once per change of state, rather than a failure with a stack. */
export const isOutage = (code: CatalogueCode): boolean => OUTAGES[code] !== undefined;

/** Routes remembered per outage: URL patterns are few, but unrouted paths are the caller's to choose. */
const MAX_ROUTES = 100;

interface Outage {
  since: number;
  /** The last 503 of this kind; a quiet window after it ends the outage as far as the log knows. */
  lastAt: number;
  /** When the current summary window opened, and the 503s answered in it. */
  windowStart: number;
  inWindow: number;
  total: number;
  /** The routes (`METHOD url-pattern`) that answered it; one of them answering again ends it. */
  routes: Set<string>;
}

export interface OutageLog {
  /** A 503 of an outage code answered on `route`. */
  failed(code: CatalogueCode, route: string, reason: string, log: FastifyBaseLogger): void;
  /** An answer below 500 on `route`. */
  answered(route: string, log: FastifyBaseLogger): void;
  /** Whether any outage is open, so that answers need not be looked at otherwise. */
  watching(): boolean;
}

/**
 * Logs an outage once per change of state instead of once per answer: the
 * first 503 of a kind is a warning (`event store unavailable`), later ones are
 * counted in silence, with a summary at info once per `windowMs`, until a
 * route that answered it answers again (`event store available again`, with
 * the count). A kind not answered for `windowMs` is forgotten, so the next
 * one warns again.
 */
export function createOutageLog(options: { windowMs?: number; now?: () => number } = {}): OutageLog {
  const windowMs = options.windowMs ?? 60_000;
  const now = options.now ?? Date.now;
  const open = new Map<CatalogueCode, Outage>();
  return {
    failed(code, route, reason, log) {
      const names = OUTAGES[code];
      if (names === undefined) return;
      const at = now();
      const outage = open.get(code);
      if (outage === undefined || at - outage.lastAt >= windowMs) {
        open.set(code, { since: at, lastAt: at, windowStart: at, inWindow: 1, total: 1, routes: new Set([route]) });
        log.warn({ code, reason }, `${names.what} ${names.down}`);
        return;
      }
      outage.lastAt = at;
      outage.total++;
      outage.inWindow++;
      if (outage.routes.size < MAX_ROUTES) outage.routes.add(route);
      if (at - outage.windowStart >= windowMs) {
        log.info({ code, answers: outage.inWindow, seconds: Math.round((at - outage.since) / 1000) }, `${names.what} still ${names.down}`);
        outage.windowStart = at;
        outage.inWindow = 0;
      }
    },
    answered(route, log) {
      for (const [code, outage] of open) {
        if (!outage.routes.has(route)) continue;
        open.delete(code);
        const seconds = Math.round((now() - outage.since) / 1000);
        const names = OUTAGES[code];
        if (names !== undefined) log.info({ code, answers: outage.total, seconds }, `${names.what} ${names.up}`);
      }
    },
    watching: () => open.size > 0,
  };
}

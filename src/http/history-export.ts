import { csvLine } from '../../projections/shared/csv.ts';
import type { Change, HistoryEntry } from './history-entries.ts';

const value = (v: unknown) => JSON.stringify(v) ?? 'undefined';

/** One change as an auditor reads it, e.g. `status: "in_contact" → "intent_signed"`. */
function describe(change: Change): string {
  switch (change.op) {
    case 'changed':
      return `${change.path}: ${value(change.before)} → ${value(change.after)}`;
    case 'added':
      return `${change.path}: added ${value(change.after)}`;
    case 'removed':
      return `${change.path}: removed ${value(change.before)}`;
  }
}

const COLUMNS: [header: string, cell: (entry: HistoryEntry) => string | number][] = [
  ['revision', (e) => e.revision],
  ['position', (e) => e.position],
  ['recordedAt', (e) => e.recordedAt],
  ['occurredAt', (e) => e.metadata.occurredAt],
  ['type', (e) => e.type],
  ['actor', (e) => e.metadata.actor],
  ['office', (e) => e.metadata.office ?? ''],
  ['correlationId', (e) => e.metadata.correlationId],
  ['causationId', (e) => e.metadata.causationId ?? ''],
  ['schemaVersion', (e) => e.metadata.schemaVersion],
  ['hash', (e) => e.metadata.hash ?? ''],
  ['previousHash', (e) => e.metadata.previousHash ?? ''],
  ['changes', (e) => e.changes.map(describe).join('; ')],
  ['data', (e) => JSON.stringify(e.data)],
  ['state', (e) => JSON.stringify(e.state)],
];

/** RFC 4180 with a header row, one row per event; the HTTP answer adds the byte-order mark. */
export function historyCsv(entries: HistoryEntry[]): string {
  return csvLine(COLUMNS.map(([header]) => header)) + entries.map((entry) => csvLine(COLUMNS.map(([, cell]) => cell(entry)))).join('');
}

/** JSON Lines (https://jsonlines.org): one entry per line, each ending in LF. */
export function historyJsonLines(entries: HistoryEntry[]): string {
  return entries.map((entry) => `${JSON.stringify(entry)}\n`).join('');
}

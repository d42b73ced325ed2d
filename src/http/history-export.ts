import { setImmediate as nextTurn } from 'node:timers/promises';
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

type Column = [header: string, cell: (entry: HistoryEntry) => string | number];

const COLUMNS: Column[] = [
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
];
const STATE_COLUMN: Column = ['state', (e) => JSON.stringify(e.state)];

export type ExportFormat = 'csv' | 'jsonl';

/** How long an export computes before it lets other requests run. */
const SLICE_MS = 20;

/**
 * A history export as it is written: CSV (RFC 4180, a header row, one row
 * per event; the `state` column only when the entries carry it) or JSON
 * Lines (https://jsonlines.org, one entry per line). Produced entry by entry
 * and handed over in chunks, with a turn of the event loop every
 * SLICE_MS, so that a long history neither sits in memory whole nor holds up
 * other requests.
 */
export async function* historyExport(format: ExportFormat, entries: Iterable<HistoryEntry>, withState: boolean): AsyncGenerator<string> {
  const columns = withState ? [...COLUMNS, STATE_COLUMN] : COLUMNS;
  let chunk = format === 'csv' ? csvLine(columns.map(([header]) => header)) : '';
  let sliceStart = performance.now();
  for (const entry of entries) {
    chunk += format === 'csv' ? csvLine(columns.map(([, cell]) => cell(entry))) : `${JSON.stringify(entry)}\n`;
    if (chunk.length >= 64 * 1024) {
      yield chunk;
      chunk = '';
    }
    if (performance.now() - sliceStart >= SLICE_MS) {
      await nextTurn();
      sliceStart = performance.now();
    }
  }
  if (chunk) yield chunk;
}

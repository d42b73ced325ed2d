/**
 * What every suite hands back: tables of figures (printed as aligned plain
 * text and written as JSON with the raw numbers) and notes that say how the
 * figures were taken.
 */

export type Format = 'text' | 'int' | 'ms' | 'ratio' | 'mb' | 's';

export interface Column {
  key: string;
  label: string;
  format: Format;
}

/** A cell is a number (formatted by its column), a text, or null for "not measured". */
export type Cell = number | string | null;

export interface Table {
  title: string;
  columns: Column[];
  rows: Record<string, Cell>[];
}

export interface SuiteReport {
  suite: string;
  startedAt: string;
  seconds: number;
  tables: Table[];
  notes: string[];
}

export const column = (key: string, label: string, format: Format): Column => ({ key, label, format });

/** The columns of every load table: one row per measured case. */
export const LOAD_COLUMNS: Column[] = [
  column('case', 'case', 'text'),
  column('reqPerSec', 'req/s', 'int'),
  column('p50Ms', 'p50 ms', 'ms'),
  column('p99Ms', 'p99 ms', 'ms'),
  column('errors', 'errors/non-2xx', 'text'),
  column('ratio', 'ratio to bare', 'ratio'),
  column('rssMb', 'service RSS MB', 'mb'),
];

/** A suite builds its report as it goes, so a failure half-way still shows what was measured. */
export function startReport(suite: string): SuiteReport & { table(title: string, columns: Column[]): Table; note(text: string): void; finish(): SuiteReport } {
  const started = performance.now();
  const report: SuiteReport = { suite, startedAt: new Date().toISOString(), seconds: 0, tables: [], notes: [] };
  return Object.assign(report, {
    table(title: string, columns: Column[]): Table {
      const table: Table = { title, columns, rows: [] };
      report.tables.push(table);
      return table;
    },
    note(text: string) {
      report.notes.push(text);
      console.log(`  ${text}`);
    },
    finish(): SuiteReport {
      report.seconds = Math.round((performance.now() - started) / 100) / 10;
      return { suite: report.suite, startedAt: report.startedAt, seconds: report.seconds, tables: report.tables, notes: report.notes };
    },
  });
}

/** The columns of the service-process table: how long a start and a stop took, and the memory. */
export const PROCESS_COLUMNS: Column[] = [
  column('case', 'service process', 'text'),
  column('readySec', 'spawn to ready s', 's'),
  column('peakRssMb', 'peak RSS MB', 'mb'),
  column('rssMb', 'RSS MB at stop', 'mb'),
  column('shutdownSec', 'SIGTERM to exit s', 's'),
];

import type { Cell, Format, Table } from './report.ts';

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** One cell as printed; null is a dash, text is shown as given. */
export function formatCell(value: Cell, format: Format): string {
  if (value === null) return '–';
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) return '–';
  switch (format) {
    case 'int':
      return grouped.format(value);
    case 'ms':
      return value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : grouped.format(value);
    case 'ratio':
      // Two significant digits below 0.1, so 0.0047 does not print as 0.00.
      return value === 0 || Math.abs(value) >= 0.1 ? value.toFixed(2) : value.toPrecision(2);
    case 'mb':
      return value.toFixed(0);
    case 's':
      return value < 10 ? value.toFixed(2) : value.toFixed(1);
    case 'text':
      return String(value);
  }
}

/** Numbers align right, text left; one space-padded column per field. */
export function formatTable(table: Table): string {
  const header = table.columns.map((c) => c.label);
  const body = table.rows.map((row) => table.columns.map((c) => formatCell(row[c.key] ?? null, c.format)));
  const widths = header.map((label, i) => Math.max(label.length, ...body.map((cells) => (cells[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => {
        const width = widths[i] ?? 0;
        return table.columns[i]?.format === 'text' ? cell.padEnd(width) : cell.padStart(width);
      })
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [table.title, line(header), rule, ...body.map(line)].join('\n');
}

/**
 * CSV as RFC 4180 writes it: CRLF line ends; a field with a comma, quote or
 * line break is quoted and its quotes doubled. Hand-written because these
 * few lines are the whole format. No byte-order mark here: that is a concern
 * of the HTTP answer, which adds one so that Excel reads UTF-8.
 */
export function csvField(value: string | number): string {
  const text = typeof value === 'string' ? neutralised(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A text cell that a spreadsheet would read as a formula (it starts with
 * `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`, which
 * spreadsheets show as text and do not evaluate. Applied to every text cell,
 * whatever its source; numbers are written as numbers.
 */
export function neutralised(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One CSV record, CRLF included. */
export const csvLine = (values: readonly (string | number)[]): string => `${values.map(csvField).join(',')}\r\n`;

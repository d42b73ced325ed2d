/**
 * CSV as RFC 4180 writes it: CRLF line ends; a field with a comma, quote or
 * line break is quoted and its quotes doubled. Hand-written because these
 * few lines are the whole format. No byte-order mark here: that is a concern
 * of the HTTP answer, which adds one so that Excel reads UTF-8.
 */
export function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV record, CRLF included. */
export const csvLine = (values: readonly (string | number)[]): string => `${values.map(csvField).join(',')}\r\n`;

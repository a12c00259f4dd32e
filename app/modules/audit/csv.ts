/**
 * CSV for the audit export (RFC 4180: comma, CRLF rows, double-quoted cells where needed).
 * Two defences, because the file is opened in spreadsheets and read by log tools:
 * - formula injection: a cell starting with = + - @ (or tab/CR, which some spreadsheets skip
 *   before evaluating) gets a leading apostrophe, so it is shown as text, never run;
 * - forged rows: control characters (CR and LF included) and Unicode line breaks become
 *   spaces, so one value is always one line, whatever reads the file.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

export function csvCell(value: string | number | bigint | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  text = text.replace(CONTROL, " ");
  return /[",]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly (string | number | bigint | null | undefined)[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}

/** Lets Excel recognise UTF-8 (Cyrillic names) when the file is opened directly. */
export const UTF8_BOM = "\uFEFF";

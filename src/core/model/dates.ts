import { CellValue, isCellError } from './cells';

/**
 * A calendar day as an Excel serial number in the 1900 date system (1 = 1900-01-01, 45356 = 2024-03-05).
 * Using Excel's own numbering keeps cells, core and renderers in one unit with no time-zone drift.
 */
export type Day = number;

/** Outcome of reading a date cell. */
export type DateParse =
  | { kind: 'blank' }
  | { kind: 'ok'; day: Day }
  | { kind: 'invalid'; text: string; reason: 'error-cell' | 'not-a-date' | 'boolean' };

const MS_PER_DAY = 86_400_000;
/** Serial of 1970-01-01: Excel counts the fictitious 1900-02-29, hence 25569 and not 25568. */
const UNIX_EPOCH_SERIAL = 25569;
/** Largest serial Excel accepts: 9999-12-31. */
export const MAX_SERIAL = 2958465;

/** Serial for a civil date; null when the date does not exist (2023-02-29, month 13). */
export function dayFromYMD(y: number, m: number, d: number): Day | null {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return null;
  if (y === 1900 && m === 2 && d === 29) return 60; // Excel's leap-year quirk, kept for fidelity.
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  const ms = Date.UTC(y, m - 1, d);
  const date = new Date(ms);
  // Date.UTC maps years 0–99 to 1900–1999; reject them rather than drift.
  if (date.getUTCFullYear() !== y) return null;
  let serial = Math.round(ms / MS_PER_DAY) + UNIX_EPOCH_SERIAL;
  if (serial <= 60) serial -= 1; // before 1900-03-01 Excel has no phantom day yet
  if (serial < 1 || serial > MAX_SERIAL) return null;
  return serial;
}

/** Days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Civil year, month, day of a serial. Serial 60 gives 1900-02-29 as Excel shows it. */
export function ymd(day: Day): { y: number; m: number; d: number } {
  const serial = Math.floor(day);
  if (serial === 60) return { y: 1900, m: 2, d: 29 };
  const adjusted = serial < 60 ? serial + 1 : serial;
  const date = new Date((adjusted - UNIX_EPOCH_SERIAL) * MS_PER_DAY);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

/** "2024-03-05". */
export function dayToISO(day: Day): string {
  const { y, m, d } = ymd(day);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Serial of an ISO "YYYY-MM-DD" string; null when malformed or not a real date. */
export function dayFromISO(iso: string): Day | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  return m ? dayFromYMD(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** Serial of a JavaScript Date taken at its UTC calendar day (exceljs hands dates over in UTC). */
export function dayFromJsDate(date: Date): Day | null {
  if (Number.isNaN(date.getTime())) return null;
  return dayFromYMD(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** The last day of the serial's month. */
export function endOfMonth(day: Day): Day {
  const { y, m } = ymd(day);
  return dayFromYMD(y, m, daysInMonth(y, m)) as Day;
}

/** Today's serial in the given time zone offset's local calendar (defaults to the machine's). */
export function today(now: Date = new Date()): Day {
  return dayFromYMD(now.getFullYear(), now.getMonth() + 1, now.getDate()) as Day;
}

const TEXT_FORMS: RegExp[] = [
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/,
  /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/,
  /^(\d{4})(\d{2})(\d{2})$/,
];

/** Day and month before the year: `05/03/2024`, `5.3.2024`, `05-03-2024`, with an optional time. */
const DAY_MONTH_YEAR = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;

/** Which way a column writes day and month before the year: day-first or month-first. */
export type DayMonthOrder = 'dmy' | 'mdy';

/**
 * The two numbers before the year of a `05/03/2024`-style text, or null for any other text: what a
 * column's values are inspected with to tell day-first from month-first.
 */
export function dayMonthParts(text: string): [number, number] | null {
  const m = DAY_MONTH_YEAR.exec(text.trim());
  return m ? [Number(m[1]), Number(m[2])] : null;
}

/**
 * Reads a date cell: Excel serials (fractions, i.e. times, are dropped), `2024-03-05`, `2024/3/5`,
 * `2024.3.5`, `2024年3月5日`, `20240305`, blanks and error values. Day-first or month-first text such as
 * `05/03/2024` is read only when `order` says which it is (inferred per column by the parser), and
 * refused as ambiguous otherwise rather than guessed.
 */
export function parseDate(v: CellValue | undefined, order?: DayMonthOrder): DateParse {
  if (v === null || v === undefined) return { kind: 'blank' };
  if (typeof v === 'number') {
    if (!Number.isFinite(v) || v < 1 || v >= MAX_SERIAL + 1) return { kind: 'invalid', text: String(v), reason: 'not-a-date' };
    return { kind: 'ok', day: Math.floor(v) };
  }
  if (typeof v === 'boolean') return { kind: 'invalid', text: String(v).toUpperCase(), reason: 'boolean' };
  if (isCellError(v)) return { kind: 'invalid', text: v.error, reason: 'error-cell' };
  // Chinese input methods type full-width digits and separators (２０２４－０３－０５); read them as ASCII.
  const raw = v.trim().replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
  if (raw === '') return { kind: 'blank' };
  for (const re of TEXT_FORMS) {
    const m = re.exec(raw);
    if (m) {
      const day = dayFromYMD(Number(m[1]), Number(m[2]), Number(m[3]));
      return day === null ? { kind: 'invalid', text: raw, reason: 'not-a-date' } : { kind: 'ok', day };
    }
  }
  if (order) {
    const m = DAY_MONTH_YEAR.exec(raw);
    if (m) {
      const [a, b, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const day = order === 'dmy' ? dayFromYMD(y, b, a) : dayFromYMD(y, a, b);
      return day === null ? { kind: 'invalid', text: raw, reason: 'not-a-date' } : { kind: 'ok', day };
    }
  }
  return { kind: 'invalid', text: raw, reason: 'not-a-date' };
}

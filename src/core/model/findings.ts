import { hash64 } from './hash';

/** How serious a finding is; also picks the highlight fill. */
export type Severity = 'error' | 'warning' | 'info';

/** Every finding code of DESIGN.md. Codes are a contract: extend, never rename. */
export const FINDING_CODES = [
  // validation
  'required', 'type', 'range', 'list', 'pattern', 'duplicate', 'unknown-customer', 'name-mismatch',
  'amount-calc', 'tax-calc', 'total-calc', 'tax-id', 'date-order', 'balance-calc', 'unmapped-column',
  // matching
  'unmatched-ours', 'unmatched-theirs', 'amount-diff', 'date-diff', 'duplicate-entry', 'ambiguous',
  'unapplied-receipt', 'partial-payment', 'tie-out', 'opening-balance',
  // credit
  'over-limit', 'near-limit', 'overdue', 'customer-on-hold', 'credit-limit-exceeded', 'rating-drift',
] as const;

export type FindingCode = (typeof FINDING_CODES)[number];

/** The usual severity of each code; a check may choose another where the case warrants it. */
export const DEFAULT_SEVERITY: Record<FindingCode, Severity> = {
  required: 'error', type: 'error', range: 'error', list: 'error', pattern: 'error', duplicate: 'error',
  'unknown-customer': 'error', 'name-mismatch': 'warning', 'amount-calc': 'error', 'tax-calc': 'error',
  'total-calc': 'error', 'tax-id': 'error', 'date-order': 'error', 'balance-calc': 'error',
  'unmapped-column': 'info',
  'unmatched-ours': 'warning', 'unmatched-theirs': 'warning', 'amount-diff': 'error', 'date-diff': 'info',
  'duplicate-entry': 'warning', ambiguous: 'warning', 'unapplied-receipt': 'warning',
  'partial-payment': 'info', 'tie-out': 'error', 'opening-balance': 'error',
  'over-limit': 'error', 'near-limit': 'warning', overdue: 'warning', 'customer-on-hold': 'error',
  'credit-limit-exceeded': 'error', 'rating-drift': 'info',
};

/**
 * Codes whose expected and actual values are amounts of money: the Findings sheet writes them as numbers
 * with the money format and the task pane spells them as money. Other codes' values stay text (a tax ID
 * of 18 digits is no amount).
 */
export const MONEY_FINDING_CODES: ReadonlySet<string> = new Set<FindingCode>([
  'amount-calc', 'tax-calc', 'total-calc', 'balance-calc', 'amount-diff', 'partial-payment', 'tie-out', 'opening-balance',
  'over-limit', 'near-limit', 'overdue', 'credit-limit-exceeded', 'unapplied-receipt',
]);

/** One thing wrong (or worth knowing) about one cell. A value, never an exception. */
export interface Finding {
  /** Stable across sorting and inserted rows: see {@link findingId}. */
  id: string;
  code: FindingCode;
  severity: Severity;
  sheet: string;
  /** A1 address of the flagged cell on `sheet`. */
  cell: string;
  /** 1-based Excel row of `cell`. */
  row: number;
  /** Already in the workbook's language. */
  message: string;
  expected?: string;
  actual?: string;
}

/**
 * The stable id of a finding: a hash of its code, sheet, the row's business key (Document No,
 * Receipt No, Customer ID…) and the column's field key. The row number is left out on purpose so
 * review decisions survive sorting and inserted rows; `occurrence` separates true repeats of one key.
 */
export function findingId(code: FindingCode, sheet: string, businessKey: string, field: string, occurrence = 0): string {
  return hash64([code, sheet.toLowerCase(), businessKey, field, String(occurrence)].join('\u241f'));
}

/** Orders findings by sheet, row, then column position in the address, then code: the order users read them. */
export function compareFindings(a: Finding, b: Finding): number {
  if (a.sheet !== b.sheet) return a.sheet < b.sheet ? -1 : 1;
  if (a.row !== b.row) return a.row - b.row;
  const ca = a.cell.replace(/\d+$/, '');
  const cb = b.cell.replace(/\d+$/, '');
  if (ca.length !== cb.length) return ca.length - cb.length;
  if (ca !== cb) return ca < cb ? -1 : 1;
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

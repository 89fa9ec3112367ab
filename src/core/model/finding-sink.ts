import { cellAddress } from './cells';
import { dayToISO } from './dates';
import { DEFAULT_SEVERITY, Finding, FindingCode, findingId, Severity } from './findings';
import { hash64 } from './hash';
import { Bilingual, fmt, Lang } from './i18n';
import { templateFields } from '../templates/template-fields';
import { TemplateKind } from '../templates/templates';

/** What a check knows when it reports: where, about which row (by business key) and field, and what. */
export interface FindingSpec {
  code: FindingCode;
  sheet: string;
  /** 1-based Excel row. */
  row: number;
  /** 0-based column of the offending cell. */
  col: number;
  /** The row's business key: see {@link businessKey}. */
  key: string;
  /** Field key of the column (or another stable name such as "#columns"). */
  field: string;
  text: Bilingual;
  params?: Record<string, string | number>;
  expected?: string;
  actual?: string;
  severity?: Severity;
}

/**
 * Collects findings with stable ids. Two findings that would share an id (the same code, sheet, key and
 * field: true repeats such as two rows with one Document No) get successive occurrence numbers in row
 * order, so every id is unique and the first occurrence keeps the plain id.
 */
export class FindingSink {
  readonly findings: Finding[] = [];
  private readonly seen = new Map<string, number>();

  constructor(readonly lang: Lang) {}

  add(spec: FindingSpec): void {
    // The plain id (occurrence 0) names the repeat group; later members get their occurrence number.
    const id0 = findingId(spec.code, spec.sheet, spec.key, spec.field, 0);
    const occurrence = this.seen.get(id0) ?? 0;
    this.seen.set(id0, occurrence + 1);
    const finding: Finding = {
      id: occurrence === 0 ? id0 : findingId(spec.code, spec.sheet, spec.key, spec.field, occurrence),
      code: spec.code,
      severity: spec.severity ?? DEFAULT_SEVERITY[spec.code],
      sheet: spec.sheet,
      cell: cellAddress(spec.row, spec.col),
      row: spec.row,
      message: fmt(spec.text, this.lang, spec.params),
    };
    if (spec.expected !== undefined) finding.expected = spec.expected;
    if (spec.actual !== undefined) finding.actual = spec.actual;
    this.findings.push(finding);
  }
}

/** Text of a record field for a content hash: Decimals and numbers by their decimal text, days as ISO. */
function fieldText(v: unknown, isDate: boolean): string {
  if (v === null || v === undefined) return '';
  if (isDate && typeof v === 'number') return dayToISO(v);
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/**
 * The row's business key for finding ids: Document No (sales), Receipt No (receipts), Customer ID
 * (customers), reference and date (statement). Never the row number, so ids survive sorting and inserted
 * rows; when the key is blank, a hash of the row's content stands in.
 */
export function businessKey(kind: TemplateKind, rec: object): string {
  const bag = rec as Record<string, unknown>;
  let key = '';
  switch (kind) {
    case 'customers':
      key = String(bag.customerId ?? '');
      break;
    case 'sales':
      key = String(bag.docNo ?? '');
      break;
    case 'receipts':
      key = String(bag.receiptNo ?? '');
      break;
    case 'statement': {
      const ref = String(bag.reference ?? '');
      const date = typeof bag.date === 'number' ? dayToISO(bag.date) : '';
      if (bag.isOpening === true) key = `opening@${date}`;
      else if (ref !== '') key = `${ref}@${date}`;
      break;
    }
  }
  if (key !== '') return key;
  const parts = templateFields(kind).map((d) => fieldText(bag[d.key], d.type === 'date'));
  return `#${hash64(parts.join('\u241f'))}`;
}

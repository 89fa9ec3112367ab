import { spellMoney } from '../model/money-text';
import Decimal from 'decimal.js';
import { isFx, Num, numOf, numToDecimal } from '../model/exact';
import { FindingCode, Severity } from '../model/findings';
import { businessKey, FindingSink } from '../model/finding-sink';
import { Bilingual, Lang } from '../model/i18n';
import { rawMoney } from '../model/record-rows';
import { Table, TemplateRecords } from '../model/records';
import { Settings } from '../model/settings';
import { fieldLabel } from '../templates/template-fields';
import { TemplateKind } from '../templates/templates';
import type { SkippedCheck } from './check-requirements';

/** A rule applied to one record; the rules of a sheet run together in one pass over its records. */
export type RowCheck<R> = (rec: R) => void;

/** What every rule module receives. */
export interface RuleContext {
  settings: Settings;
  lang: Lang;
  sink: FindingSink;
  /** `settings.roundingTolerance`: computed columns may differ from their formula by this much. */
  tolerance: Num;
  /** Checks a rule decided not to run on a sheet (the data does not fit a one-market rule). */
  skipped: SkippedCheck[];
}

/** Builds the rule context; a tolerance that is no number counts as the default 0.01 rather than failing. */
export function ruleContext(settings: Settings, sink: FindingSink): RuleContext {
  let tol: Decimal;
  try {
    tol = new Decimal(settings.roundingTolerance).abs();
  } catch {
    tol = new Decimal('0.01');
  }
  return { settings, lang: settings.lang, sink, tolerance: numOf(tol), skipped: [] };
}

/** Details of one report beyond code and message. */
export interface ReportExtra {
  expected?: string;
  actual?: string;
  severity?: Severity;
}

/**
 * Reports a finding on a record's cell in the field's column, keyed by the record's business key. Does
 * nothing when the sheet has no such column (the rules only call it for columns they read).
 */
export function report<K extends TemplateKind>(
  ctx: RuleContext,
  kind: K,
  table: Table<TemplateRecords[K], K>,
  rec: TemplateRecords[K],
  field: string,
  code: FindingCode,
  text: Bilingual,
  params: Record<string, string | number> = {},
  extra: ReportExtra = {},
): void {
  const col = (table.mapping.columns as Partial<Record<string, number>>)[field];
  if (col === undefined) return;
  ctx.sink.add({
    code, sheet: rec.sheet, row: rec.row, col, key: businessKey(kind, rec), field, text,
    params: { field: fieldLabel(kind, field, ctx.lang), ...params },
    expected: extra.expected, actual: extra.actual, severity: extra.severity,
  });
}

/** Money for messages and the report: two places, more only when the value has more (10.005 stays 10.005). */
export function moneyText(a: Num | Decimal): string {
  if (a instanceof Decimal) return a.decimalPlaces() <= 2 ? a.toFixed(2) : a.toFixed();
  if (!isFx(a)) return moneyText(numToDecimal(a));
  // Spelled out from the scaled integer: building a Decimal per finding costs more than the check.
  let digits = String(Math.abs(a.n));
  if (a.s > 0 && digits.length <= a.s) digits = '0'.repeat(a.s - digits.length + 1) + digits;
  const int = a.s > 0 ? digits.slice(0, digits.length - a.s) : digits;
  let frac = a.s > 0 ? digits.slice(digits.length - a.s) : '';
  frac = frac.replace(/0+$/, '');
  if (frac.length < 2) frac = frac.padEnd(2, '0');
  return `${a.n < 0 ? '-' : ''}${int}.${frac}`;
}

/** A money field of a record as an exact Num, or null when blank. */
export function moneyNum(rec: object, field: string): Num | null {
  const r = rawMoney(rec, field);
  return r === null ? null : numOf(r);
}

/** Message parameters and report fields of a calculation finding, each amount spelled out once. */
export function calcTexts(expected: Num, actual: Num): [Record<string, string>, ReportExtra] {
  const e = moneyText(expected);
  const a = moneyText(actual);
  // Messages spell money one way (grouped, two places); the report keeps the exact decimal strings.
  return [{ expected: spellMoney(e), actual: spellMoney(a) }, { expected: e, actual: a }];
}

import { SheetGrid } from './model/cells';
import { Day, dayToISO, today } from './model/dates';
import { compareFindings, Finding } from './model/findings';
import { Plan } from './output/plan';
import { buildPlan } from './output/plan-build';
import { Review } from './output/review';
import { ParsedWorkbook } from './model/records';
import { reconcile } from './matching/reconcile';
import { nameSuggestedCustomers } from './matching/suggest-customer';
import { Report } from './output/report';
import { recognizeSheets } from './templates/header-recognition';
import { parseTables } from './model/parse-records';
import { Settings } from './model/settings';
import { validateWorkbook } from './validation/validation';

/** What a check run reads. */
export interface CheckInput {
  sheets: SheetGrid[];
  settings: Settings;
  /** Review decisions already on the Findings sheet, by finding id, so a re-run keeps them. */
  reviews?: Map<string, Review>;
}

/** Progress and cancellation for long runs (the task pane runs the engine in a worker). */
export interface CheckHooks {
  /** fraction in [0, 1]; stage is a stable key such as "parse", "validate", "reconcile", "plan". */
  onProgress?(fraction: number, stage: string): void;
  isCancelled?(): boolean;
}

/** Everything a run produces: the JSON report, the plan to render, and the typed rows. */
export interface CheckResult {
  report: Report;
  plan: Plan;
  parsed: ParsedWorkbook;
}

/** Thrown only when the caller cancelled through {@link CheckHooks.isCancelled}. */
export class CheckCancelled extends Error {
  constructor() {
    super('check cancelled');
    this.name = 'CheckCancelled';
  }
}

/**
 * Runs every check the workbook's sheets allow: recognise templates, read typed rows, validate,
 * reconcile, and build the plan and the report. Pure: the same input gives the same output.
 */
export function checkWorkbook(input: CheckInput, hooks: CheckHooks = {}): CheckResult {
  const { settings } = input;
  const asOf: Day = settings.asOf ?? today();
  const step = (fraction: number, stage: string): void => {
    if (hooks.isCancelled?.()) throw new CheckCancelled();
    hooks.onProgress?.(fraction, stage);
  };

  step(0, 'recognize');
  const mappings = recognizeSheets(input.sheets, settings);
  step(0.1, 'parse');
  const { parsed, findings: parseFindings } = parseTables(input.sheets, mappings, settings);
  step(0.35, 'validate');
  const validationFindings = validateWorkbook(parsed, settings, asOf);
  step(0.55, 'reconcile');
  const rec = reconcile(parsed, settings, asOf);
  step(0.85, 'plan');

  const findings: Finding[] = [...parseFindings, ...validationFindings, ...rec.findings].sort(compareFindings);
  nameSuggestedCustomers(findings, rec.suggestions, settings.lang);
  const plan = buildPlan(findings, rec.sheets, settings, input.reviews ?? new Map());
  const report: Report = {
    asOf: dayToISO(asOf),
    sheets: mappings.map((m) => ({
      name: m.sheet,
      template: m.template,
      rows: tableRowCount(parsed, m.sheet),
    })),
    findings,
    matches: rec.matches,
    customers: rec.customers,
  };
  step(1, 'done');
  return { report, plan, parsed };
}

function tableRowCount(parsed: ParsedWorkbook, sheet: string): number {
  for (const group of [parsed.customers, parsed.sales, parsed.receipts, parsed.statements]) {
    for (const t of group) if (t.mapping.sheet === sheet) return t.records.length;
  }
  return 0;
}

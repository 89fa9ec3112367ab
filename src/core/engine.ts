import { SheetGrid } from './model/cells';
import { Day, dayToISO, today } from './model/dates';
import { compareFindings, Finding } from './model/findings';
import { Plan } from './output/plan';
import { buildPlan } from './output/plan-build';
import { Review } from './output/review';
import { ParsedWorkbook } from './model/records';
import { reconcile } from './matching/reconcile';
import { nameSuggestedCustomers } from './matching/suggest-customer';
import { AsOfSource, Report } from './output/report';
import { recognizeWorkbook } from './templates/header-recognition';
import { sheetReport, unrecognisedReport } from './templates/recognition-report';
import { columnMapOf } from './templates/column-map';
import { parseTables } from './model/parse-records';
import { invoicesOfLines } from './model/line-items';
import { Settings } from './model/settings';
import { runValidation } from './validation/validation';
import { CreditReview, reviewCredit } from './credit/credit-review';
import { creditCustomerReports, creditTotalsReport } from './credit/credit-report';
import { statementSheets } from './output/statement-sheet';
import { agingSheet, creditSheet } from './output/credit-sheets';
import { summarizeSales } from './output/sales-summary';
import { salesSummarySheet } from './output/sales-summary-sheet';
import { appendRun, AuditEntry, auditLogSheet, RunInfo } from './output/audit-log';
import { OwnedSheet } from './output/plan';

/** What a check run reads. */
export interface CheckInput {
  sheets: SheetGrid[];
  settings: Settings;
  /** Review decisions already on the Findings sheet, by finding id, so a re-run keeps them. */
  reviews?: Map<string, Review>;
  /** Who runs, when, on which file: given, the run and its review decisions are appended to the Audit Log. */
  run?: RunInfo;
  /** The Audit Log's rows as read from the workbook (kept as they are, then appended to). */
  auditLog?: readonly AuditEntry[];
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
  /** The credit checks' per-customer figures (null when cash application did not run). */
  credit: CreditReview | null;
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
  const step = (fraction: number, stage: string): void => {
    if (hooks.isCancelled?.()) throw new CheckCancelled();
    hooks.onProgress?.(fraction, stage);
  };

  step(0, 'recognize');
  const recognition = recognizeWorkbook(input.sheets, settings);
  const mappings = recognition.mappings;
  step(0.1, 'parse');
  const { parsed, findings: parseFindings } = parseTables(input.sheets, mappings, settings);
  const { day: asOf, source: asOfSource } = chooseAsOf(settings.asOf, parsed);
  step(0.35, 'validate');
  const { findings: validationFindings, skipped } = runValidation(parsed, settings, asOf);
  step(0.55, 'reconcile');
  // Matching and credit see a line-item sheet's invoices, not its lines.
  const invoices = invoicesOfLines(parsed);
  const rec = reconcile(invoices, settings, asOf);
  step(0.8, 'credit');
  const credit: CreditReview | null = rec.cash && rec.openItems
    ? reviewCredit({ parsed: invoices, cash: rec.cash, open: rec.openItems, futureSales: rec.futureSales ?? new Map(), settings, asOf })
    : null;
  step(0.85, 'plan');

  const findings: Finding[] = [...parseFindings, ...validationFindings, ...rec.findings, ...(credit?.findings ?? [])].sort(compareFindings);
  nameSuggestedCustomers(findings, rec.suggestions, settings.lang);
  // The Sales Summary needs only a sales sheet; it follows Aging and Credit, before the statements.
  const summary = parsed.sales.length > 0 ? [salesSummarySheet(summarizeSales(parsed, asOf), asOf, settings.lang)] : [];
  const statements = credit
    ? [agingSheet(credit, asOf, settings.lang), creditSheet(credit, asOf, settings.lang), ...summary, ...statementSheets(parsed, credit, settings, asOf)]
    : summary;
  const audit: OwnedSheet[] = [];
  if (input.run) {
    const count = (sev: string): number => findings.reduce((n, f) => n + (f.severity === sev ? 1 : 0), 0);
    const entries = appendRun(input.auditLog ?? [], {
      info: input.run, asOf: dayToISO(asOf), settings, reviews: input.reviews ?? new Map(),
      counts: { error: count('error'), warning: count('warning'), info: count('info'), matches: rec.matches.length, customers: credit?.profiles.length ?? 0 },
    });
    audit.push(auditLogSheet(entries, settings.lang));
  }
  const plan = buildPlan(findings, [...rec.sheets, ...statements, ...audit], settings, input.reviews ?? new Map(), asOf);
  const report: Report = {
    asOf: dayToISO(asOf),
    sheets: mappings.map((m) => sheetReport(m, tableRowCount(parsed, m.sheet), settings.lang)),
    findings,
    matches: rec.matches,
    customers: credit ? creditCustomerReports(credit) : rec.customers,
    skippedChecks: skipped,
    unrecognisedSheets: recognition.unrecognised.map((u) => unrecognisedReport(u, settings.lang)),
    asOfSource,
    columnMap: columnMapOf(mappings, settings),
  };
  if (credit && credit.profiles.length > 0) report.totals = creditTotalsReport(credit);
  step(1, 'done');
  return { report, plan, parsed, credit };
}

/**
 * The as-of date: the one given (command line, pane or saved settings), else the latest date in the
 * data (sales, receipts, statement lines), and today only when the data holds no date at all.
 */
export function chooseAsOf(given: Day | null, parsed: ParsedWorkbook): { day: Day; source: AsOfSource } {
  if (given !== null) return { day: given, source: 'settings' };
  let latest = -1;
  for (const group of [parsed.sales, parsed.receipts, parsed.statements]) {
    for (const t of group) for (const r of t.records) if (r.date !== null && r.date > latest) latest = r.date;
  }
  return latest > 0 ? { day: latest, source: 'data' } : { day: today(), source: 'today' };
}

function tableRowCount(parsed: ParsedWorkbook, sheet: string): number {
  for (const group of [parsed.customers, parsed.sales, parsed.receipts, parsed.statements]) {
    for (const t of group) if (t.mapping.sheet === sheet) return t.records.length;
  }
  return 0;
}

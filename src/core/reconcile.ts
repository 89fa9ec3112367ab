import { Day } from './dates';
import { Finding } from './findings';
import { OwnedSheet } from './plan';
import { ParsedWorkbook } from './records';
import { CustomerReport, MatchReport } from './report';
import { Settings } from './settings';

/** What the three reconciliations produce for the report, the plan and the credit checks. */
export interface ReconcileResult {
  findings: Finding[];
  matches: MatchReport[];
  customers: CustomerReport[];
  /** Owned sheets (Reconciliation, …) to add to the plan. */
  sheets: OwnedSheet[];
}

/**
 * Runs sales ↔ statement, receipts ↔ statement and receipts → sales for every customer and the tie-out.
 * Placeholder until the reconciliation engine lands: reports nothing.
 */
export function reconcile(_parsed: ParsedWorkbook, _settings: Settings, _asOf: Day): ReconcileResult {
  return { findings: [], matches: [], customers: [], sheets: [] };
}

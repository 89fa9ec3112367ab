import { Finding } from '../model/findings';
import { TemplateKind } from '../templates/templates';

/** The reconciliations of DESIGN.md. */
export type MatchPair = 'sales~statement' | 'receipts~statement' | 'receipts~sales';

/** A match (or a deliberate non-match) in the JSON report. Rows as "Sheet!row", 1-based. */
export interface MatchReport {
  pair: MatchPair;
  /** The pass that produced it, e.g. "exact-reference", "fifo"; "unmatched" for leftovers. */
  pass: string;
  /** "matched", "amount-diff", "date-diff", "ambiguous", "unmatched", "partial", "fifo". */
  status: string;
  ours: string[];
  theirs: string[];
  /** ours − theirs, exact decimal string. */
  difference: string;
  reason: string;
  /**
   * Their date − our date in days when the two differ (for a group, the widest gap); absent when the
   * dates agree or one is missing. Status `date-diff` only for a cut-off item or a gap beyond the window.
   */
  days?: number;
  /** For `suggested`: the customer the record likely belongs to (its Customer ID is unknown or blank). */
  suggestedCustomer?: string;
}

/** Per-customer figures in the JSON report; money as decimal strings. */
export interface CustomerReport {
  customerId: string;
  balance: string;
  creditLimit: string | null;
  utilization: string | null;
  aging: Record<string, string>;
  overdue: string;
  rating: string | null;
  dso: string | null;
}

/** The JSON report of `recon check --json` (DESIGN.md "Contracts"). */
export interface Report {
  asOf: string;
  sheets: { name: string; template: TemplateKind; rows: number }[];
  findings: Finding[];
  matches: MatchReport[];
  customers: CustomerReport[];
}

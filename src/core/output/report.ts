import { SheetValidation } from '../templates/template-layout';
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
}

/** A rating factor as the report shows it: its measured value and grade (both null when not measurable). */
export interface RatingFactorReport {
  factor: string;
  value: string | null;
  grade: string | null;
}

/** Per-customer figures in the JSON report; money as decimal strings. */
export interface CustomerReport {
  customerId: string;
  /** From the customers sheet, else as the customer's first sale names it. */
  name?: string;
  balance: string;
  /** Balance, plus sales after the as-of date when the settings count them. */
  exposure?: string;
  creditLimit: string | null;
  /** Exposure / credit limit as a fraction ("1.5549" is 155.49 %). */
  utilization: string | null;
  aging: Record<string, string>;
  overdue: string;
  /** The manual rating of the customers sheet when present, else the computed one. */
  rating: string | null;
  /** The rating the factors give. */
  computedRating?: string | null;
  ratingFactors?: RatingFactorReport[];
  /** Days sales outstanding, one decimal. */
  dso: string | null;
  /** Credit finding codes raised for the customer, and its status when on hold or closed. */
  flags?: string[];
}

/** Figures over all customers. */
export interface TotalsReport {
  balance: string;
  overdue: string;
  aging: Record<string, string>;
  dso: string | null;
  /** The DSO period: the earliest sale up to the as-of date. */
  periodFrom: string | null;
}

/** The JSON report of `recon check --json` (DESIGN.md "Contracts"). */
export interface Report {
  asOf: string;
  /** `validations`: the sheet's Excel data-validation rules (`recon` reads them from the file). */
  sheets: { name: string; template: TemplateKind; rows: number; validations?: SheetValidation[] }[];
  findings: Finding[];
  matches: MatchReport[];
  customers: CustomerReport[];
  /** Totals over all customers (overall DSO, aging); absent when no credit review ran. */
  totals?: TotalsReport;
}

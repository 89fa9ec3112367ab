import { SheetValidation } from '../templates/template-layout';
import { Finding } from '../model/findings';
import { ColumnMap } from '../model/settings';
import { ColumnForm, IgnoredRows, MappingSource, TemplateKind } from '../templates/templates';
import { SkippedCheck } from '../validation/check-requirements';

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

/** How one column of a sheet was mapped, in the report. */
export interface ColumnReport {
  field: string;
  /** Column letters ("C"). */
  column: string;
  header: string;
  source: MappingSource;
  /** 0–1. */
  confidence: number;
  /** Why, in the workbook's language. */
  reason: string;
}

/** A recognised sheet in the report: DESIGN.md's name, template and rows, then how it was read. */
export interface SheetReport {
  name: string;
  template: TemplateKind;
  rows: number;
  /** 1-based (last) header row. */
  headerRow?: number;
  columns?: ColumnReport[];
  /** Columns taken back because most of their values fail the field's rule. */
  rejected?: { field: string; column: string; header: string; reason: string }[];
  /** Number and date forms inferred per column. */
  forms?: (Omit<ColumnForm, 'col'> & { column: string })[];
  /** Totals rows and the block under the table, which are not records. */
  ignoredRows?: IgnoredRows;
  /** The sheet lists invoice lines: rows sharing this number are one invoice. */
  lineItems?: { field: 'docNo' | 'invoiceNo'; groups: number };
  /** The sheet's Excel data-validation rules (`recon` reads them from the file). */
  validations?: SheetValidation[];
}

/** A sheet holding data that matches no template, with the closest one and what it lacks. */
export interface UnrecognisedSheetReport {
  name: string;
  closest: TemplateKind;
  headerRow: number;
  /** The missing columns as `template.field`. */
  missing: string[];
  /** In the workbook's language. */
  message: string;
}

/** Where the as-of date came from: the command line, pane or saved settings; the latest date in the data; today when the data has none. */
export type AsOfSource = 'settings' | 'data' | 'today';

/**
 * The JSON report of `recon check --json` (DESIGN.md "Contracts"). The fields after `customers` extend
 * the contract: how sheets were read, the checks that did not run, sheets no template fits, where the
 * as-of date came from and the column map used (saved with the settings by `--out`).
 */
export interface Report {
  asOf: string;
  sheets: SheetReport[];
  findings: Finding[];
  matches: MatchReport[];
  customers: CustomerReport[];
  /** Totals over all customers (overall DSO, aging); absent when no credit review ran. */
  totals?: TotalsReport;
  skippedChecks?: SkippedCheck[];
  unrecognisedSheets?: UnrecognisedSheetReport[];
  asOfSource?: AsOfSource;
  columnMap?: ColumnMap;
}

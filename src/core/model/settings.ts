import { Day } from './dates';
import { Lang } from './i18n';
import { TemplateKind } from '../templates/templates';

/**
 * Everything a team tunes. Stored in the workbook (so the task pane and `recon` read the same values);
 * money tolerances are decimal strings so they never pass through a float.
 */
export interface Settings {
  lang: Lang;
  /** The as-of date for balances and aging; null means today. */
  asOf: Day | null;
  /** Differences up to this are treated as equal (default "0"). */
  amountTolerance: string;
  /** Differences up to this are rounding: matched, but the difference is still recorded (default "0.01"). */
  roundingTolerance: string;
  /** Days either side for amount-and-date matching (default 7). */
  dateWindowDays: number;
  /** Whether the near-reference and group passes run (default true). */
  fuzzyMatching: boolean;
  /** Allowed lengths of an Invoice No's digits (default [8, 20]). */
  invoiceNoLengths: number[];
  /** Allowed tax rates as decimal strings (default 13%, 9%, 6%, 3%, 1%, 0%). */
  taxRates: string[];
  /** Upper bounds in days past due of each aging bucket after Current; the last bucket is open (default 30, 60, 90, 180). */
  agingBuckets: number[];
  /** Utilization from which `near-limit` is raised, as a fraction string (default "0.9"). */
  nearLimitRatio: string;
  /** Whether sales dated after the as-of date count toward exposure (default false). */
  exposureIncludesFutureSales: boolean;
  /** The customer a statement sheet belongs to when it has no Customer ID column. */
  statementCustomerId: string;
  /** The workbook writes `1 234,50`. */
  decimalComma: boolean;
  /** Who records review decisions in the Audit Log. */
  reviewer: string;
  /** Explicit sheet → template choices that override header recognition. */
  sheetTemplates: Record<string, TemplateKind>;
  /** Letterhead of statements of account (对账单): our company's name, address, tax ID (USCC), bank and account. */
  companyName: string;
  companyAddress: string;
  companyTaxId: string;
  companyBank: string;
  companyAccount: string;
  /** Customers that get a printable statement; empty means every customer with activity. */
  statementCustomers: string[];
  /** First day of the statements' period; null means the first day of the as-of date's month. */
  statementFrom: Day | null;
}

/** The defaults of DESIGN.md. */
export const DEFAULT_SETTINGS: Settings = {
  lang: 'en',
  asOf: null,
  amountTolerance: '0',
  roundingTolerance: '0.01',
  dateWindowDays: 7,
  fuzzyMatching: true,
  invoiceNoLengths: [8, 20],
  taxRates: ['0.13', '0.09', '0.06', '0.03', '0.01', '0'],
  agingBuckets: [30, 60, 90, 180],
  nearLimitRatio: '0.9',
  exposureIncludesFutureSales: false,
  statementCustomerId: '',
  decimalComma: false,
  reviewer: '',
  sheetTemplates: {},
  companyName: '',
  companyAddress: '',
  companyTaxId: '',
  companyBank: '',
  companyAccount: '',
  statementCustomers: [],
  statementFrom: null,
};

/** Settings with every missing field taken from the defaults. */
export function resolveSettings(partial: Partial<Settings> = {}): Settings {
  return { ...DEFAULT_SETTINGS, ...partial, sheetTemplates: { ...DEFAULT_SETTINGS.sheetTemplates, ...partial.sheetTemplates } };
}

import { Day, dayFromISO } from './dates';
import { Lang } from './i18n';
import { TEMPLATE_KINDS, TemplateKind } from '../templates/templates';

/**
 * A saved column mapping: per template, field key → the header text of the column that holds it.
 * An empty string says "this field has no column" (the user unmapped a wrong guess). Header texts are
 * compared the way recognition compares them (case, width, spaces, punctuation and units ignored).
 */
export type ColumnMap = Partial<Record<TemplateKind, Record<string, string>>>;

/** How Invoice No values are checked: `auto` applies the fapiao rule (8 or 20 digits) only to columns whose values fit it. */
export type InvoiceNoRule = 'auto' | 'fapiao' | 'none';
/** How Tax ID values are checked: `auto` applies the USCC check only to columns whose values look like USCC. */
export type TaxIdRule = 'auto' | 'uscc' | 'none';
/** How slash dates such as 05/03/2024 are read: inferred per column, or day-first / month-first for every column. */
export type DateOrder = 'auto' | 'dmy' | 'mdy';

/**
 * Everything a team tunes, in one place. Stored in the workbook's state sheet (`settings`), so the
 * task pane and `recon` read the same values ({@link readSettings} is the one reader of the stored
 * form); money tolerances are decimal strings so they never pass through a float.
 */
export interface Settings {
  lang: Lang;
  /** The as-of date for balances and aging; null means: the latest date in the data (never silently today). */
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
  /** Where the Invoice No rule applies (default `auto`: only where the data fits it). */
  invoiceNoRule: InvoiceNoRule;
  /** Where the USCC Tax ID check applies (default `auto`: only where the data looks like USCC). */
  taxIdRule: TaxIdRule;
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
  /** Every amount written as text uses a decimal comma (`1.234,50`); when false the form is inferred per column. */
  decimalComma: boolean;
  /** Slash dates: inferred per column (default) or fixed. */
  dateOrder: DateOrder;
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
  /** Column mapping chosen by a user (mapping panel, `recon --map`) or saved from the last run. */
  columnMap: ColumnMap;
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
  invoiceNoRule: 'auto',
  taxIdRule: 'auto',
  taxRates: ['0.13', '0.09', '0.06', '0.03', '0.01', '0'],
  agingBuckets: [30, 60, 90, 180],
  nearLimitRatio: '0.9',
  exposureIncludesFutureSales: false,
  statementCustomerId: '',
  decimalComma: false,
  dateOrder: 'auto',
  reviewer: '',
  sheetTemplates: {},
  companyName: '',
  companyAddress: '',
  companyTaxId: '',
  companyBank: '',
  companyAccount: '',
  statementCustomers: [],
  statementFrom: null,
  columnMap: {},
};

/** Settings with every missing field taken from the defaults. */
export function resolveSettings(partial: Partial<Settings> = {}): Settings {
  return {
    ...DEFAULT_SETTINGS,
    ...partial,
    sheetTemplates: { ...DEFAULT_SETTINGS.sheetTemplates, ...partial.sheetTemplates },
    columnMap: mergeColumnMaps(DEFAULT_SETTINGS.columnMap, partial.columnMap ?? {}),
  };
}

/** `over` laid on `base`, field by field (a field in `over` replaces the same field in `base`). */
export function mergeColumnMaps(base: ColumnMap, over: ColumnMap): ColumnMap {
  const out: ColumnMap = {};
  for (const kind of TEMPLATE_KINDS) {
    const merged = { ...base[kind], ...over[kind] };
    if (Object.keys(merged).length > 0) out[kind] = merged;
  }
  return out;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const isDecimalText = (v: unknown): v is string => typeof v === 'string' && /^-?\d+(?:\.\d+)?$/.test(v.trim());
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/**
 * Reads stored settings (the state sheet's JSON, which a user may have edited): every field of the
 * right type is kept, anything else is dropped so the default applies. The as-of date may be stored
 * as an Excel serial or as ISO text. Never throws.
 */
export function readSettings(value: unknown): Partial<Settings> {
  if (!isRecord(value)) return {};
  const out: Partial<Settings> = {};
  const v = value;
  if (v.lang === 'en' || v.lang === 'zh') out.lang = v.lang;
  if (typeof v.asOf === 'number' && Number.isInteger(v.asOf) && v.asOf > 0) out.asOf = v.asOf;
  else if (typeof v.asOf === 'string') {
    const day = dayFromISO(v.asOf);
    if (day !== null) out.asOf = day;
  } else if (v.asOf === null) out.asOf = null;
  if (isDecimalText(v.amountTolerance)) out.amountTolerance = v.amountTolerance.trim();
  if (isDecimalText(v.roundingTolerance)) out.roundingTolerance = v.roundingTolerance.trim();
  if (isCount(v.dateWindowDays)) out.dateWindowDays = v.dateWindowDays;
  if (typeof v.fuzzyMatching === 'boolean') out.fuzzyMatching = v.fuzzyMatching;
  if (Array.isArray(v.invoiceNoLengths) && v.invoiceNoLengths.every((n) => isCount(n) && n > 0)) out.invoiceNoLengths = v.invoiceNoLengths as number[];
  if (v.invoiceNoRule === 'auto' || v.invoiceNoRule === 'fapiao' || v.invoiceNoRule === 'none') out.invoiceNoRule = v.invoiceNoRule;
  if (v.taxIdRule === 'auto' || v.taxIdRule === 'uscc' || v.taxIdRule === 'none') out.taxIdRule = v.taxIdRule;
  if (Array.isArray(v.taxRates) && v.taxRates.every(isDecimalText)) out.taxRates = (v.taxRates as string[]).map((r) => r.trim());
  if (Array.isArray(v.agingBuckets) && v.agingBuckets.every((n) => isCount(n) && n > 0)) out.agingBuckets = v.agingBuckets as number[];
  if (isDecimalText(v.nearLimitRatio)) out.nearLimitRatio = v.nearLimitRatio.trim();
  if (typeof v.exposureIncludesFutureSales === 'boolean') out.exposureIncludesFutureSales = v.exposureIncludesFutureSales;
  if (typeof v.statementCustomerId === 'string') out.statementCustomerId = v.statementCustomerId;
  if (typeof v.decimalComma === 'boolean') out.decimalComma = v.decimalComma;
  if (v.dateOrder === 'auto' || v.dateOrder === 'dmy' || v.dateOrder === 'mdy') out.dateOrder = v.dateOrder;
  if (typeof v.reviewer === 'string') out.reviewer = v.reviewer;
  if (isRecord(v.sheetTemplates)) {
    const choices: Record<string, TemplateKind> = {};
    for (const [sheet, kind] of Object.entries(v.sheetTemplates)) {
      if ((TEMPLATE_KINDS as readonly unknown[]).includes(kind)) choices[sheet] = kind as TemplateKind;
    }
    out.sheetTemplates = choices;
  }
  if (isRecord(v.columnMap)) {
    const map: ColumnMap = {};
    for (const kind of TEMPLATE_KINDS) {
      const fields = v.columnMap[kind];
      if (!isRecord(fields)) continue;
      const kept: Record<string, string> = {};
      for (const [field, header] of Object.entries(fields)) if (typeof header === 'string') kept[field] = header;
      map[kind] = kept;
    }
    out.columnMap = map;
  }
  return out;
}

/**
 * The four standard templates (DESIGN.md): their kinds and the shape of a sheet's column mapping.
 * Field definitions live in `template-fields.ts`; recognition (header dictionary, header row, content)
 * in `header-recognition.ts`, `header-row.ts` and `content-inference.ts`.
 */

import type { Bilingual } from '../model/i18n';

/** The templates a sheet can be recognised as. */
export type TemplateKind = 'customers' | 'sales' | 'receipts' | 'statement';

export const TEMPLATE_KINDS: readonly TemplateKind[] = ['customers', 'sales', 'receipts', 'statement'];

/** Field keys per template; the keys are the typed record's property names. */
export interface TemplateFieldKeys {
  customers: 'customerId' | 'customerName' | 'taxId' | 'creditLimit' | 'paymentTerms' | 'creditRating' | 'status' | 'contact' | 'email' | 'salesRep' | 'region';
  sales: 'date' | 'docNo' | 'invoiceNo' | 'customerId' | 'customerName' | 'product' | 'category' | 'quantity' | 'unitPrice' | 'amount' | 'taxRate' | 'tax' | 'total' | 'dueDate' | 'salesRep';
  receipts: 'date' | 'receiptNo' | 'customerId' | 'amount' | 'method' | 'reference';
  statement: 'customerId' | 'date' | 'reference' | 'description' | 'billed' | 'paid' | 'balance';
}

export type FieldKey<K extends TemplateKind = TemplateKind> = TemplateFieldKeys[K];

/**
 * How a column came to be mapped: `template` (the template's own header), `dictionary` (a synonym from
 * a CRM/ERP/accounting export), `saved` (the settings' column map: mapping panel or `recon --map`),
 * `content` (no header matched; the values say what the column is), `forced` (a sheet whose template
 * the settings chose).
 */
export type MappingSource = 'template' | 'dictionary' | 'saved' | 'content';

/** Why one column is mapped to one field, with how sure recognition is. */
export interface ColumnEvidence {
  field: string;
  /** 0-based column. */
  col: number;
  /** The header text as written (both rows of a two-row header joined by " / "). */
  header: string;
  source: MappingSource;
  /** 0–1: 1 for the template's own header or a saved choice, lower for synonyms and content. */
  confidence: number;
  /** In both languages, for the report, the pane and the CLI ("values are unique ids such as SO-1"). */
  reason: Bilingual;
}

/** A column recognition mapped and then took back, with the reason (e.g. most values fail the field's rule). */
export interface RejectedColumn {
  field: string;
  col: number;
  header: string;
  reason: Bilingual;
}

/** Text forms inferred for a column's values. */
export interface ColumnForm {
  field: string;
  col: number;
  /** Amounts written as text: `dot` 1,234.56 or `comma` 1.234,56. */
  number?: 'dot' | 'comma';
  /** Slash or dot dates: `dmy` 05/03/2024 is 5 March, `mdy` is May 3. */
  date?: 'dmy' | 'mdy';
  /** How the form was decided: from the values (`data`), the settings, or assumed for lack of evidence. */
  basis: 'data' | 'settings' | 'assumed';
}

/** Rows inside a table's area that are not records: totals, and the block under the table. */
export interface IgnoredRows {
  /** 1-based rows of totals / subtotals (合计, 小计, Total…). */
  totals: number[];
  /** First 1-based row of what follows the table (甲方/乙方 blocks, signature lines); 0 when none. */
  tailFrom: number;
}

/** How a sheet's columns map onto a template. Columns are 0-based indexes. */
export interface SheetMapping<K extends TemplateKind = TemplateKind> {
  sheet: string;
  template: K;
  /** 1-based Excel row of the (last) header row; data starts below it. */
  headerRow: number;
  columns: Partial<Record<TemplateFieldKeys[K], number>>;
  /** Header cells that match no field of the template (reported as `unmapped-column`). */
  unmapped: { col: number; header: string }[];
  /** 1-based first header row when the header spans two rows (a group title above its columns). */
  headerTop?: number;
  /** How each mapped column was found; absent on mappings built by hand. */
  evidence?: ColumnEvidence[];
  /** Columns mapped and then taken back. */
  rejected?: RejectedColumn[];
  /** Number and date forms inferred per column (filled by the parser). */
  forms?: ColumnForm[];
  /** Rows the parser left out (filled by the parser). */
  ignored?: IgnoredRows;
  /** Rows sharing a document number are the lines of one invoice (filled by the parser, sales only). */
  lineItems?: { field: 'docNo' | 'invoiceNo'; groups: number };
}

/**
 * A sheet that holds data but matches no template well enough: the closest template and the fields
 * (with their header names in both languages) it would need to be recognised.
 */
export interface UnrecognisedSheet {
  sheet: string;
  closest: TemplateKind;
  /** 1-based row taken as the header. */
  headerRow: number;
  /** Fields already matched. */
  matched: string[];
  /** Fields whose columns were not found, each with its template header in both languages. */
  missing: { field: string; en: string; zh: string }[];
}

/** Everything recognition found in a workbook. */
export interface Recognition {
  mappings: SheetMapping[];
  unrecognised: UnrecognisedSheet[];
}

/**
 * The four standard templates (DESIGN.md): their kinds and the shape of a sheet's header mapping.
 * Field definitions and header recognition live in `template-fields.ts` and `header-recognition.ts`.
 */

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

/** How a sheet's columns map onto a template. Columns are 0-based indexes. */
export interface SheetMapping<K extends TemplateKind = TemplateKind> {
  sheet: string;
  template: K;
  /** 1-based Excel row of the header (1 by DESIGN.md). */
  headerRow: number;
  columns: Partial<Record<TemplateFieldKeys[K], number>>;
  /** Header cells that match no field of the template (reported as `unmapped-column`). */
  unmapped: { col: number; header: string }[];
}

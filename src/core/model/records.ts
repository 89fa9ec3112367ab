import Decimal from 'decimal.js';
import { Day } from './dates';
import { Money } from './money';
import { SheetMapping } from '../templates/templates';

/** Where a record came from: its sheet and 1-based Excel row. Cells follow from the sheet's mapping. */
export interface Located {
  sheet: string;
  row: number;
}

/** Payment terms: `net` = invoice date + days; `eom` = end of the invoice's month + days. COD is net 0. */
export type PaymentTerms = { kind: 'net'; days: number } | { kind: 'eom'; days: number };

export type CustomerStatus = 'active' | 'on-hold' | 'closed';
export type CreditRating = 'A' | 'B' | 'C' | 'D';

/** A row of the customers template. Text fields are trimmed; unparseable values are null (and flagged). */
export interface CustomerRecord extends Located {
  customerId: string;
  customerName: string;
  taxId: string;
  creditLimit: Money | null;
  paymentTerms: PaymentTerms | null;
  creditRating: CreditRating | null;
  status: CustomerStatus | null;
  contact: string;
  email: string;
  salesRep: string;
  region: string;
}

/** A row of the sales template: one of our invoices, or a credit note as a negative line. */
export interface SaleRecord extends Located {
  date: Day | null;
  docNo: string;
  invoiceNo: string;
  customerId: string;
  customerName: string;
  product: string;
  category: string;
  quantity: Decimal | null;
  unitPrice: Money | null;
  amount: Money | null;
  /** As a fraction: 13 % is 0.13. */
  taxRate: Decimal | null;
  tax: Money | null;
  total: Money | null;
  /** As written; the effective due date may come from the customer's terms instead. */
  dueDate: Day | null;
  salesRep: string;
}

export type ReceiptMethod = 'bank-transfer' | 'cash' | 'acceptance-bill' | 'other';

/** A row of the receipts template. */
export interface ReceiptRecord extends Located {
  date: Day | null;
  receiptNo: string;
  customerId: string;
  amount: Money | null;
  method: ReceiptMethod | null;
  reference: string;
}

/** A row of a customer's statement (their side). */
export interface StatementLine extends Located {
  /** From the row, else the sheet-wide customer of the settings. */
  customerId: string;
  date: Day | null;
  reference: string;
  description: string;
  billed: Money | null;
  paid: Money | null;
  balance: Money | null;
  /** The row carries the opening balance (期初余额), not an item. */
  isOpening: boolean;
}

/** One template sheet after reading: its mapping and its typed rows (blank rows dropped). */
export interface Table<R, K extends keyof TemplateRecords = keyof TemplateRecords> {
  mapping: SheetMapping<K>;
  records: R[];
}

export interface TemplateRecords {
  customers: CustomerRecord;
  sales: SaleRecord;
  receipts: ReceiptRecord;
  statement: StatementLine;
}

/** Every recognised template sheet of a workbook, typed. */
export interface ParsedWorkbook {
  customers: Table<CustomerRecord, 'customers'>[];
  sales: Table<SaleRecord, 'sales'>[];
  receipts: Table<ReceiptRecord, 'receipts'>[];
  statements: Table<StatementLine, 'statement'>[];
}

/**
 * The value of a sale as the customer is billed for it: Total (价税合计) when present, else
 * Amount + Tax, else Amount. Null when none is usable.
 */
export function grossOf(sale: SaleRecord): Money | null {
  if (sale.total) return sale.total;
  if (sale.amount && sale.tax) return sale.amount.plus(sale.tax);
  return sale.amount;
}

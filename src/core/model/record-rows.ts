import Decimal from 'decimal.js';
import { Day } from './dates';
import { RawNum } from './exact';
import {
  CreditRating, CustomerRecord, CustomerStatus, PaymentTerms, ReceiptMethod, ReceiptRecord, SaleRecord, StatementLine,
} from './records';
import { templateFields } from '../templates/template-fields';
import { TemplateKind } from '../templates/templates';

/**
 * The typed records the parser produces. They satisfy the interfaces of `records.ts`, but keep each
 * money cell as read (a number cell stays a number) and build its Decimal on first use, so a million
 * rows do not pay for six million Decimals that the checks never need (see `exact.ts`).
 *
 * The Decimal fields are accessors on the prototype: read and assign them as usual, but note that
 * object spread (`{...sale}`) copies only own properties; copy through the interface fields explicitly.
 */

/** Bits of `unreadable`: one per field, in the template's field order. */
export function fieldBit(kind: TemplateKind, key: string): number {
  const i = templateFields(kind).findIndex((d) => d.key === key);
  return i < 0 ? 0 : 1 << i;
}

/** What the checks may ask of any record, whether it came from the parser or was built by hand. */
export interface ParseFlags {
  /** Fields whose cell could not be read (error value, bad text, merged area): no further check uses them. */
  unreadable: number;
}

/** True when the parser flagged the field as unreadable (plain objects never are). */
export function isUnreadable(rec: object, bit: number): boolean {
  const flags = (rec as Partial<ParseFlags>).unreadable;
  return flags !== undefined && (flags & bit) !== 0;
}

function dec(r: RawNum | null): Decimal | null {
  return typeof r === 'number' ? new Decimal(r) : r;
}

/** A customers row. */
export class CustomerRow implements CustomerRecord, ParseFlags {
  unreadable = 0;
  customerId = '';
  customerName = '';
  taxId = '';
  rawCreditLimit: RawNum | null = null;
  paymentTerms: PaymentTerms | null = null;
  creditRating: CreditRating | null = null;
  status: CustomerStatus | null = null;
  contact = '';
  email = '';
  salesRep = '';
  region = '';
  constructor(public sheet: string, public row: number) {}
  get creditLimit(): Decimal | null {
    const d = dec(this.rawCreditLimit);
    this.rawCreditLimit = d;
    return d;
  }
  set creditLimit(v: Decimal | null) {
    this.rawCreditLimit = v;
  }
}

/** A sales row. */
export class SaleRow implements SaleRecord, ParseFlags {
  unreadable = 0;
  date: Day | null = null;
  docNo = '';
  invoiceNo = '';
  customerId = '';
  customerName = '';
  product = '';
  category = '';
  rawQuantity: RawNum | null = null;
  rawUnitPrice: RawNum | null = null;
  rawAmount: RawNum | null = null;
  taxRate: Decimal | null = null;
  rawTax: RawNum | null = null;
  rawTotal: RawNum | null = null;
  dueDate: Day | null = null;
  salesRep = '';
  constructor(public sheet: string, public row: number) {}
  get quantity(): Decimal | null {
    return (this.rawQuantity = dec(this.rawQuantity));
  }
  set quantity(v: Decimal | null) {
    this.rawQuantity = v;
  }
  get unitPrice(): Decimal | null {
    return (this.rawUnitPrice = dec(this.rawUnitPrice));
  }
  set unitPrice(v: Decimal | null) {
    this.rawUnitPrice = v;
  }
  get amount(): Decimal | null {
    return (this.rawAmount = dec(this.rawAmount));
  }
  set amount(v: Decimal | null) {
    this.rawAmount = v;
  }
  get tax(): Decimal | null {
    return (this.rawTax = dec(this.rawTax));
  }
  set tax(v: Decimal | null) {
    this.rawTax = v;
  }
  get total(): Decimal | null {
    return (this.rawTotal = dec(this.rawTotal));
  }
  set total(v: Decimal | null) {
    this.rawTotal = v;
  }
}

/** A receipts row. */
export class ReceiptRow implements ReceiptRecord, ParseFlags {
  unreadable = 0;
  date: Day | null = null;
  receiptNo = '';
  customerId = '';
  rawAmount: RawNum | null = null;
  method: ReceiptMethod | null = null;
  reference = '';
  constructor(public sheet: string, public row: number) {}
  get amount(): Decimal | null {
    return (this.rawAmount = dec(this.rawAmount));
  }
  set amount(v: Decimal | null) {
    this.rawAmount = v;
  }
}

/** A statement row. */
export class StatementRow implements StatementLine, ParseFlags {
  unreadable = 0;
  customerId = '';
  date: Day | null = null;
  reference = '';
  description = '';
  rawBilled: RawNum | null = null;
  rawPaid: RawNum | null = null;
  rawBalance: RawNum | null = null;
  isOpening = false;
  constructor(public sheet: string, public row: number) {}
  get billed(): Decimal | null {
    return (this.rawBilled = dec(this.rawBilled));
  }
  set billed(v: Decimal | null) {
    this.rawBilled = v;
  }
  get paid(): Decimal | null {
    return (this.rawPaid = dec(this.rawPaid));
  }
  set paid(v: Decimal | null) {
    this.rawPaid = v;
  }
  get balance(): Decimal | null {
    return (this.rawBalance = dec(this.rawBalance));
  }
  set balance(v: Decimal | null) {
    this.rawBalance = v;
  }
}

/** Raw money fields by record field name, so checks read numbers without building Decimals. */
const RAW_NAMES: Record<string, string> = {
  creditLimit: 'rawCreditLimit', quantity: 'rawQuantity', unitPrice: 'rawUnitPrice', amount: 'rawAmount',
  tax: 'rawTax', total: 'rawTotal', billed: 'rawBilled', paid: 'rawPaid', balance: 'rawBalance',
};

/**
 * A money field as read: the parser's raw value when the record has one, else the interface's Decimal
 * (records built by hand). Cheap for parser records: no Decimal is built.
 */
export function rawMoney(rec: object, field: string): RawNum | null {
  const bag = rec as Record<string, unknown>;
  const rawName = RAW_NAMES[field];
  if (rawName !== undefined && rawName in bag) return bag[rawName] as RawNum | null;
  const v = bag[field];
  return v === undefined ? null : (v as Decimal | null);
}

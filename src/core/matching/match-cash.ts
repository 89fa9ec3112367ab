import { OpenAmounts, saleDueDate } from './balances';
import { applyCash, Allocation, CashInvoice, CashPass, CashReceipt } from './cash-application';
import { cellAddress } from '../model/cells';
import { DEFAULT_SEVERITY, Finding, FindingCode, findingId } from '../model/findings';
import { Bilingual, Lang } from '../model/i18n';
import { centsToString, formatCents, rawCents, rawCentsOf, receiptAmountRaw, saleGrossField, saleGrossRaw } from './match-amounts';
import { CustomerOrdinals, orderOf, SaleKeyCache } from './match-items';
import { NO_DATE } from './match-types';
import { MESSAGES, REASONS, say } from './matching-messages';
import { CustomerRecord, ReceiptRecord, SaleRecord, Table } from '../model/records';
import { extractReferences, referenceKeys } from './references';
import { MatchReport } from '../output/report';

/**
 * Receipts → sales for the whole workbook: builds cash application's input from the records, runs it,
 * and reports its allocations (`receipts~sales` matches), `unapplied-receipt` and `partial-payment`
 * findings, and the open items balances and aging are computed from.
 */

interface Located<R> {
  rec: R;
  sheet: string;
  columns: Partial<Record<string, number>>;
}

export interface CashInputs {
  sales: readonly Table<SaleRecord, 'sales'>[];
  receipts: readonly Table<ReceiptRecord, 'receipts'>[];
  customers: CustomerOrdinals;
  customerRecords: Map<number, CustomerRecord>;
  ranks: Map<string, number>;
  asOf: number;
  lang: Lang;
  windowDays: number;
  groupMax: number;
  groupCandidates: number;
  invoiceNoLengths: readonly number[];
  /** Sale keys shared with the statement matching. */
  saleKeys: SaleKeyCache;
}

/**
 * What cash application decided, for the credit checks (days late, DSO, exposure): the invoices and
 * receipts it saw (parallel to the arrays below), every allocation, and what is left.
 */
export interface CashDetail {
  /** Sales with a positive gross dated up to the as-of date (or undated), in workbook order. */
  invoices: SaleRecord[];
  /** Each invoice's customer ordinal, gross cents and due date ({@link NO_DATE} when unknown). */
  invoiceCustomer: number[];
  invoiceCents: number[];
  invoiceDue: number[];
  /** Receipts with a positive amount dated up to the as-of date (or undated). */
  receipts: ReceiptRecord[];
  allocations: Allocation[];
  /** Cents still open per invoice, unapplied per receipt. */
  open: Float64Array;
  unapplied: Float64Array;
  /** Customer IDs by ordinal. */
  customerIds: readonly string[];
}

export interface CashOutcome {
  detail: CashDetail;
  matches: MatchReport[];
  findings: Finding[];
  /** Open invoices, credit notes and unapplied receipts, for balances and aging. */
  open: OpenAmounts;
  /** Cents of sales dated after the as-of date, by customer ordinal. */
  futureSales: Map<number, number>;
}

const PASS_REASON: Record<CashPass, Bilingual> = {
  reference: REASONS.cashReference,
  'exact-amount': REASONS.cashExact,
  group: REASONS.cashGroup,
  fifo: REASONS.cashFifo,
};

/** Runs cash application and reports it. */
export function cashApplication(input: CashInputs): CashOutcome {
  const { customers, asOf } = input;
  const invoices: CashInvoice[] = [];
  // Where each invoice came from, as parallel arrays rather than an object per invoice.
  const invoiceRec: SaleRecord[] = [];
  const invoiceTable: number[] = [];
  const invoiceDue: number[] = [];
  const open = new OpenAmounts();
  const futureSales = new Map<number, number>();
  const salesAt = input.sales.map((t) => ({ sheet: t.mapping.sheet, columns: t.mapping.columns as Partial<Record<string, number>> }));
  for (let ti = 0; ti < input.sales.length; ti++) {
    const table = input.sales[ti];
    const rank = input.ranks.get(table.mapping.sheet) ?? 0;
    const records = table.records;
    let lastId = '';
    let lastCust = -1;
    for (let ri = 0; ri < records.length; ri++) {
      const sale = records[ri];
      const gross = saleGrossRaw(sale);
      if (gross === null) continue;
      if (sale.customerId !== lastId) {
        lastId = sale.customerId;
        const id = sale.customerId.trim();
        lastCust = id === '' ? -1 : customers.of(id);
      }
      const cust = lastCust;
      if (cust < 0) continue;
      let cents = rawCents(gross);
      if (Number.isNaN(cents)) cents = rawCentsOf(gross).cents;
      if (!Number.isFinite(cents) || cents === 0) continue;
      if (sale.date !== null && sale.date > asOf) {
        futureSales.set(cust, (futureSales.get(cust) ?? 0) + cents);
        continue;
      }
      if (cents < 0) {
        // A credit note stays an open credit until someone applies it by hand.
        open.push(cust, cents, NO_DATE);
        continue;
      }
      invoices.push({ cust, date: sale.date ?? NO_DATE, order: orderOf(rank, sale.row), cents, keys: input.saleKeys.get(ti, ri) });
      invoiceRec.push(sale);
      invoiceTable.push(ti);
      invoiceDue.push(saleDueDate(sale, input.customerRecords.get(cust)));
    }
  }
  const receipts: CashReceipt[] = [];
  const receiptSrc: Located<ReceiptRecord>[] = [];
  for (const table of input.receipts) {
    const columns = table.mapping.columns as Partial<Record<string, number>>;
    const sheet = table.mapping.sheet;
    const rank = input.ranks.get(sheet) ?? 0;
    for (const r of table.records) {
      const id = r.customerId.trim();
      const amount = receiptAmountRaw(r);
      if (id === '' || amount === null || (r.date !== null && r.date > asOf)) continue;
      const cust = customers.of(id);
      let cents = rawCents(amount);
      if (Number.isNaN(cents)) cents = rawCentsOf(amount).cents;
      if (!Number.isFinite(cents) || cents === 0) continue;
      if (cents < 0) {
        // A negative receipt (a refund, flagged by validation) raises the balance; nothing to apply.
        open.push(cust, -cents, NO_DATE);
        continue;
      }
      const named: string[] = [];
      if (r.reference !== '') {
        for (const token of extractReferences(r.reference)) {
          for (const k of referenceKeys(token, input.invoiceNoLengths)) if (!named.includes(k)) named.push(k);
        }
      }
      receipts.push({ cust, date: r.date ?? NO_DATE, order: orderOf(rank, r.row), cents, named });
      receiptSrc.push({ rec: r, sheet, columns });
    }
  }

  const result = applyCash(invoices, receipts, { windowDays: input.windowDays, groupMax: input.groupMax, groupCandidates: input.groupCandidates });
  const text = (msg: Bilingual, params: Record<string, string | number> = {}): string => say(msg, input.lang, params);
  const matches: MatchReport[] = [];
  const findings: Finding[] = [];
  const fixedReason: Record<CashPass, string> = {
    reference: '', 'exact-amount': text(REASONS.cashExact), group: '', fifo: text(REASONS.cashFifo),
  };

  // One match per receipt and pass: its allocations are consecutive.
  const allocs = result.allocations;
  for (let a = 0; a < allocs.length; ) {
    let b = a + 1;
    while (b < allocs.length && allocs[b].receipt === allocs[a].receipt && allocs[b].pass === allocs[a].pass) b++;
    matches.push(cashMatch(allocs, a, b, invoices, (i) => `${salesAt[invoiceTable[i]].sheet}!${invoiceRec[i].row}`, (i) => invoiceRec[i].docNo, receiptSrc, result.open, fixedReason, text));
    a = b;
  }
  for (let r = 0; r < receipts.length; r++) {
    const left = result.unapplied[r];
    if (left <= 0) continue;
    const src = receiptSrc[r];
    const amount = formatCents(left);
    matches.push({
      pair: 'receipts~sales', pass: 'unmatched', status: 'unmatched', ours: [`${src.sheet}!${src.rec.row}`], theirs: [],
      difference: centsToString(left), reason: text(REASONS.cashUnapplied, { amount }),
    });
    findings.push(cashFinding('unapplied-receipt', src, src.rec.receiptNo, 'amount', text(MESSAGES.unappliedReceipt, { amount, doc: src.rec.receiptNo })));
    open.push(receipts[r].cust, -left, NO_DATE);
  }
  for (let i = 0; i < invoices.length; i++) {
    const left = result.open[i];
    if (left > 0) open.push(invoices[i].cust, left, invoiceDue[i]);
    if (left > 0 && left < invoices[i].cents) {
      const rec = invoiceRec[i];
      const src = { rec, ...salesAt[invoiceTable[i]] };
      const field = saleGrossField(rec);
      findings.push(cashFinding('partial-payment', src, rec.docNo, field, text(MESSAGES.partialPayment, {
        doc: rec.docNo, paid: formatCents(invoices[i].cents - left), gross: formatCents(invoices[i].cents), open: formatCents(left),
      }), centsToString(invoices[i].cents), centsToString(invoices[i].cents - left)));
    }
  }
  const detail: CashDetail = {
    invoices: invoiceRec, invoiceCustomer: invoices.map((i) => i.cust), invoiceCents: invoices.map((i) => i.cents), invoiceDue,
    receipts: receiptSrc.map((r) => r.rec), allocations: result.allocations, open: result.open, unapplied: result.unapplied,
    customerIds: customers.ids,
  };
  return { detail, matches, findings, open, futureSales };
}

function cashMatch(
  allocs: readonly Allocation[],
  from: number,
  to: number,
  invoices: readonly CashInvoice[],
  invoiceRow: (i: number) => string,
  invoiceDoc: (i: number) => string,
  receiptSrc: readonly Located<ReceiptRecord>[],
  openAfter: Float64Array,
  fixedReason: Record<CashPass, string>,
  text: (msg: Bilingual, params?: Record<string, string | number>) => string,
): MatchReport {
  const pass = allocs[from].pass;
  const receipt = receiptSrc[allocs[from].receipt];
  let applied = 0;
  let gross = 0;
  let stillOpen = false;
  const theirs: string[] = [];
  for (let k = from; k < to; k++) {
    const a = allocs[k];
    applied += a.cents;
    gross += invoices[a.invoice].cents;
    if (openAfter[a.invoice] > 0) stillOpen = true;
    theirs.push(invoiceRow(a.invoice));
  }
  let reason = fixedReason[pass];
  if (pass === 'reference') {
    const docs: string[] = [];
    for (let k = from; k < to; k++) docs.push(invoiceDoc(allocs[k].invoice));
    reason = text(PASS_REASON.reference, { refs: docs.join(', ') });
  } else if (pass === 'group') reason = text(PASS_REASON.group, { count: to - from });
  return {
    pair: 'receipts~sales',
    pass,
    status: pass === 'fifo' ? 'fifo' : stillOpen ? 'partial' : 'matched',
    ours: [`${receipt.sheet}!${receipt.rec.row}`],
    theirs,
    difference: centsToString(applied - gross),
    reason,
  };
}

function cashFinding<R extends { row: number }>(
  code: FindingCode,
  src: Located<R>,
  key: string,
  field: string,
  message: string,
  expected?: string,
  actual?: string,
): Finding {
  const col = src.columns[field] ?? 0;
  const f: Finding = {
    id: findingId(code, src.sheet, key !== '' ? key : `row:${src.rec.row}`, field),
    code,
    severity: DEFAULT_SEVERITY[code],
    sheet: src.sheet,
    cell: cellAddress(src.rec.row, col),
    row: src.rec.row,
    message,
  };
  if (expected !== undefined) f.expected = expected;
  if (actual !== undefined) f.actual = actual;
  return f;
}

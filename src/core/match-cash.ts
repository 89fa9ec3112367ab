import { OpenAmount, saleDueDate } from './balances';
import { applyCash, Allocation, CashInvoice, CashPass, CashReceipt } from './cash-application';
import { cellAddress } from './cells';
import { DEFAULT_SEVERITY, Finding, FindingCode, findingId } from './findings';
import { Bilingual, fmt, Lang } from './i18n';
import { centsOf, centsToString } from './match-amounts';
import { CustomerOrdinals, orderOf } from './match-items';
import { NO_DATE } from './match-types';
import { MESSAGES, REASONS } from './matching-messages';
import { Decimal, formatMoney } from './money';
import { CustomerRecord, grossOf, ReceiptRecord, SaleRecord, Table } from './records';
import { normalizeReference, referenceKeys, extractReferences } from './references';
import { MatchReport } from './report';

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
}

export interface CashOutcome {
  matches: MatchReport[];
  findings: Finding[];
  /** Open invoices, credit notes and unapplied receipts, for balances and aging. */
  open: OpenAmount[];
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
  const invoiceSrc: Located<SaleRecord>[] = [];
  const invoiceDue: number[] = [];
  const open: OpenAmount[] = [];
  const futureSales = new Map<number, number>();
  for (const table of input.sales) {
    const columns = table.mapping.columns as Partial<Record<string, number>>;
    const sheet = table.mapping.sheet;
    const rank = input.ranks.get(sheet) ?? 0;
    for (const sale of table.records) {
      const id = sale.customerId.trim();
      const gross = grossOf(sale);
      if (id === '' || !gross) continue;
      const cust = customers.of(id);
      const { cents } = centsOf(gross);
      if (!Number.isFinite(cents) || cents === 0) continue;
      if (sale.date !== null && sale.date > asOf) {
        futureSales.set(cust, (futureSales.get(cust) ?? 0) + cents);
        continue;
      }
      if (cents < 0) {
        // A credit note stays an open credit until someone applies it by hand.
        open.push({ cust, cents, due: NO_DATE });
        continue;
      }
      const doc = normalizeReference(sale.docNo);
      const inv = normalizeReference(sale.invoiceNo);
      invoices.push({
        cust, date: sale.date ?? NO_DATE, order: orderOf(rank, sale.row), cents,
        keys: doc === '' ? (inv === '' ? [] : [inv]) : inv === '' || inv === doc ? [doc] : [doc, inv],
      });
      invoiceSrc.push({ rec: sale, sheet, columns });
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
      if (id === '' || !r.amount || (r.date !== null && r.date > asOf)) continue;
      const cust = customers.of(id);
      const { cents } = centsOf(r.amount);
      if (!Number.isFinite(cents) || cents === 0) continue;
      if (cents < 0) {
        // A negative receipt (a refund, flagged by validation) raises the balance; nothing to apply.
        open.push({ cust, cents: -cents, due: NO_DATE });
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
  const text = (msg: Bilingual, params: Record<string, string | number> = {}): string => fmt(msg, input.lang, params);
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
    matches.push(cashMatch(allocs.slice(a, b), invoices, invoiceSrc, receiptSrc, result.open, fixedReason, text));
    a = b;
  }
  for (let r = 0; r < receipts.length; r++) {
    const left = result.unapplied[r];
    if (left <= 0) continue;
    const src = receiptSrc[r];
    const amount = formatMoney(new Decimal(left).dividedBy(100));
    matches.push({
      pair: 'receipts~sales', pass: 'unmatched', status: 'unmatched', ours: [`${src.sheet}!${src.rec.row}`], theirs: [],
      difference: centsToString(left), reason: text(REASONS.cashUnapplied, { amount }),
    });
    findings.push(cashFinding('unapplied-receipt', src, src.rec.receiptNo, 'amount', text(MESSAGES.unappliedReceipt, { amount, doc: src.rec.receiptNo })));
    open.push({ cust: receipts[r].cust, cents: -left, due: NO_DATE });
  }
  for (let i = 0; i < invoices.length; i++) {
    const left = result.open[i];
    if (left > 0) open.push({ cust: invoices[i].cust, cents: left, due: invoiceDue[i] });
    if (left > 0 && left < invoices[i].cents) {
      const src = invoiceSrc[i];
      const field = src.rec.total ? 'total' : 'amount';
      const money = (c: number): string => formatMoney(new Decimal(c).dividedBy(100));
      findings.push(cashFinding('partial-payment', src, src.rec.docNo, field, text(MESSAGES.partialPayment, {
        doc: src.rec.docNo, paid: money(invoices[i].cents - left), gross: money(invoices[i].cents), open: money(left),
      }), centsToString(invoices[i].cents), centsToString(invoices[i].cents - left)));
    }
  }
  return { matches, findings, open, futureSales };
}

function cashMatch(
  group: Allocation[],
  invoices: readonly CashInvoice[],
  invoiceSrc: readonly Located<SaleRecord>[],
  receiptSrc: readonly Located<ReceiptRecord>[],
  openAfter: Float64Array,
  fixedReason: Record<CashPass, string>,
  text: (msg: Bilingual, params?: Record<string, string | number>) => string,
): MatchReport {
  const pass = group[0].pass;
  const receipt = receiptSrc[group[0].receipt];
  let applied = 0;
  let gross = 0;
  let stillOpen = false;
  for (const a of group) {
    applied += a.cents;
    gross += invoices[a.invoice].cents;
    if (openAfter[a.invoice] > 0) stillOpen = true;
  }
  let reason = fixedReason[pass];
  if (pass === 'reference') reason = text(PASS_REASON.reference, { refs: group.map((a) => invoiceSrc[a.invoice].rec.docNo).join(', ') });
  else if (pass === 'group') reason = text(PASS_REASON.group, { count: group.length });
  return {
    pair: 'receipts~sales',
    pass,
    status: pass === 'fifo' ? 'fifo' : stillOpen ? 'partial' : 'matched',
    ours: [`${receipt.sheet}!${receipt.rec.row}`],
    theirs: group.map((a) => `${invoiceSrc[a.invoice].sheet}!${invoiceSrc[a.invoice].rec.row}`),
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

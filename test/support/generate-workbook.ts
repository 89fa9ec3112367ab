import Decimal from 'decimal.js';
import { prng } from './prng';
import { CellValue, SheetGrid } from '../../src/core/model/cells';
import { Day, dayFromYMD } from '../../src/core/model/dates';
import {
  CustomerRecord, ParsedWorkbook, ReceiptRecord, SaleRecord, StatementLine, Table, TemplateRecords,
} from '../../src/core/model/records';
import { SheetMapping, TemplateKind } from '../../src/core/templates/templates';
import { ReceiptRow, SaleRow, StatementRow } from '../../src/core/model/record-rows';

/**
 * A workbook generator with known truth, for tests and the bench: customers, our sales and receipts,
 * and the customers' statement, with noise of every kind in chosen proportions. Every statement line
 * records which of our rows it stands for, so matching can be scored (precision / recall). Seeded PRNG
 * (mulberry32), never Math.random: the same options give the same workbook.
 */

/** Per-item probabilities of each kind of noise. At most one kind hits any one item. */
export interface NoiseMix {
  billed: {
    /** A sale missing from their statement. */
    missing: number;
    /** A line on their statement that is no sale of ours (an adjustment of theirs). */
    extra: number;
    /** Their billed amount differs (reference kept). */
    amountDiff: number;
    /** Their billed amount is one cent off (rounding). */
    rounding: number;
    /** Their date is some days off (reference kept). */
    dateShift: number;
    /** One typo or adjacent transposition in the invoice number. */
    typo: number;
    /** They reference our Document No instead of the Invoice No. */
    docNo: number;
    /** No reference at all. */
    blankRef: number;
    /** The line appears twice. */
    duplicate: number;
    /** Two or three sales combined in one line, the reference blank or naming one of them. */
    combined: number;
    /** Their amount differs and the reference has one typo. */
    amountDiffTypo: number;
    /** Their amount differs and the reference is blank. */
    amountDiffBlank: number;
    /** Their amount differs and the reference is our Document No. */
    amountDiffDocNo: number;
    /** Their booking date is our invoice date plus 0 to this many days (posting lag, across month ends too). */
    lagDays: number;
  };
  paid: {
    missing: number;
    extra: number;
    /** Their paid amount differs (a bank fee); the line names the invoice so it can be found. */
    amountDiff: number;
    dateShift: number;
    /** One receipt of ours is two or three lines of theirs. */
    split: number;
    /** Two receipts of ours are one line of theirs. */
    combined: number;
  };
  cash: {
    /** An invoice left unpaid. */
    unpaid: number;
    /** A receipt paying this invoice and the next ones. */
    multiInvoice: number;
    /** A receipt paying part of the invoice. */
    partial: number;
    /** A receipt not for any invoice (prepayment), per customer. */
    unapplied: number;
    /** Per customer: a receipt dated on the statement period's first day paying a prior-period invoice. */
    periodStart?: number;
  };
}

const ZERO_BILLED = {
  missing: 0, extra: 0, amountDiff: 0, rounding: 0, dateShift: 0, typo: 0, docNo: 0, blankRef: 0, duplicate: 0, combined: 0,
  amountDiffTypo: 0, amountDiffBlank: 0, amountDiffDocNo: 0, lagDays: 0,
};
const ZERO_PAID = { missing: 0, extra: 0, amountDiff: 0, dateShift: 0, split: 0, combined: 0 };

/** Named noise mixes used by tests and the bench. */
export const NOISE_MIXES: Record<'clean' | 'typical' | 'heavy' | 'references' | 'statements', NoiseMix> = {
  clean: { billed: ZERO_BILLED, paid: ZERO_PAID, cash: { unpaid: 0.2, multiInvoice: 0, partial: 0, unapplied: 0 } },
  typical: {
    billed: {
      missing: 0.01, extra: 0.01, amountDiff: 0.01, rounding: 0.005, dateShift: 0.03, typo: 0.01, docNo: 0.05, blankRef: 0.05, duplicate: 0.005, combined: 0.01,
      amountDiffTypo: 0.002, amountDiffBlank: 0.002, amountDiffDocNo: 0.002, lagDays: 5,
    },
    paid: { missing: 0.01, extra: 0.01, amountDiff: 0.01, dateShift: 0.05, split: 0.01, combined: 0.01 },
    cash: { unpaid: 0.2, multiInvoice: 0.05, partial: 0.05, unapplied: 0.2, periodStart: 0.3 },
  },
  heavy: {
    billed: {
      missing: 0.03, extra: 0.03, amountDiff: 0.03, rounding: 0.01, dateShift: 0.08, typo: 0.04, docNo: 0.1, blankRef: 0.1, duplicate: 0.02, combined: 0.03,
      amountDiffTypo: 0.005, amountDiffBlank: 0.005, amountDiffDocNo: 0.005, lagDays: 5,
    },
    paid: { missing: 0.03, extra: 0.03, amountDiff: 0.03, dateShift: 0.1, split: 0.03, combined: 0.03 },
    cash: { unpaid: 0.25, multiInvoice: 0.1, partial: 0.1, unapplied: 0.5, periodStart: 0.5 },
  },
  // As customers' statements come back in practice (issue #9): posting lag on most lines, a few combined
  // lines and amount differences behind weak references, the rest mostly clean.
  statements: {
    billed: {
      missing: 0.005, extra: 0.005, amountDiff: 0.004, rounding: 0.003, dateShift: 0.01, typo: 0.01, docNo: 0.05, blankRef: 0.05, duplicate: 0.003, combined: 0.01,
      amountDiffTypo: 0.002, amountDiffBlank: 0.002, amountDiffDocNo: 0.002, lagDays: 5,
    },
    paid: { missing: 0.005, extra: 0.005, amountDiff: 0.005, dateShift: 0.02, split: 0.01, combined: 0.01 },
    cash: { unpaid: 0.2, multiInvoice: 0.05, partial: 0.03, unapplied: 0.1, periodStart: 0.3 },
  },
  references: {
    billed: { ...ZERO_BILLED, typo: 0.1, docNo: 0.2, blankRef: 0.2, lagDays: 5 },
    paid: ZERO_PAID,
    cash: { unpaid: 0.2, multiInvoice: 0, partial: 0, unapplied: 0 },
  },
};

export interface GeneratorOptions {
  seed: number;
  customers: number;
  /** Average sales per customer (each customer gets between half and one and a half times this). */
  salesPerCustomer: number;
  noise: NoiseMix;
  /** Also build the sheets as cell grids with English headers (for end-to-end runs). */
  grids?: boolean;
  /** Fill the statement's running Balance column (costs memory at a million rows). */
  runningBalance?: boolean;
  /** Give each customer prior-period sales and an opening-balance row on the statement. */
  openingBalances?: boolean;
  /** Customers whose statement's last running balance is wrong by some amount (tie-out must fail). */
  corruptBalances?: number;
  /** Customers whose statement's opening balance is 100 to 900 off ours (needs `openingBalances`). */
  openingOffsets?: number;
  /** Sales in the period whose Customer ID is mistyped (unknown) or left blank; their statement line is plain. */
  mistypedIds?: number;
  /**
   * Booked across the period start (needs `openingBalances`): of our receipts on the period's first day
   * paying a prior invoice, and of our sales dated that day, this share they book 1 to 3 days before the
   * period, so it is in their opening balance — half of them listed as a line dated before the period,
   * half only inside the opening row's amount. Default none (and no draw from the generator's stream).
   */
  boundaryItems?: number;
  /** First day of the period; default 2024-01-01. */
  start?: Day;
  /** Length of the period in days; default 180. */
  days?: number;
  /** Days either side the matcher allows (date shifts and groups stay within it); default 7. */
  windowDays?: number;
  /** Each customer buys from a price list of this many amounts (equal amounts become common); default none. */
  priceList?: number;
  /** Exactly this many sales in all (overrides the per-customer average's total). */
  totalSales?: number;
  /**
   * Exactly this many statement rows: surplus sale lines are left off (more `missing` noise, spread over
   * all customers), a shortfall is made up with adjustment lines.
   */
  statementRows?: number;
}

/** What the generator knows: which statement lines stand for which of our rows ("Sheet!row"). */
export interface Truth {
  /** "Sales!r~Statement!r" for every billed line and each sale it stands for. */
  billedPairs: Set<string>;
  /** "Receipts!r~Statement!r" for every paid line and each receipt it stands for. */
  paidPairs: Set<string>;
  /** Statement rows repeating a line. */
  duplicates: Set<string>;
  /** Customer IDs whose running balance was corrupted. */
  corrupted: Set<string>;
  /** Customer IDs whose statement's opening balance differs from ours. */
  openingDiffs: Set<string>;
  /**
   * Our records ("Sheet!row") that they booked before the period (`boundaryItems`), by Customer ID; their
   * true link is the line they listed before the period, else their opening row.
   */
  boundary?: Map<string, string>;
  /**
   * "Sales!r~Statement!r" for sales with a mistyped or blank Customer ID and their statement line: not
   * links the engine may make (the customer is unknown), only ones it may suggest.
   */
  suggested: Set<string>;
  /**
   * What each receipt pays: "Receipts!r", "Sales!r" and the cents applied (none for an advance). Sales
   * with a mistyped Customer ID are left out, being nobody's invoice until corrected.
   */
  allocations: { receipt: string; sale: string; cents: number }[];
}

export interface GeneratedWorkbook {
  parsed: ParsedWorkbook;
  grids: SheetGrid[];
  truth: Truth;
  asOf: Day;
}


export const SHEETS = { customers: 'Customers', sales: 'Sales', receipts: 'Receipts', statement: 'Statement' } as const;

/** Header order of each generated sheet: field key and English header. */
export const HEADERS = {
  customers: [['customerId', 'Customer ID'], ['customerName', 'Customer Name'], ['creditLimit', 'Credit Limit'], ['paymentTerms', 'Payment Terms'], ['status', 'Status']],
  sales: [
    ['date', 'Date'], ['docNo', 'Document No'], ['invoiceNo', 'Invoice No'], ['customerId', 'Customer ID'], ['customerName', 'Customer Name'],
    ['product', 'Product'], ['category', 'Category'], ['quantity', 'Quantity'], ['unitPrice', 'Unit Price'], ['amount', 'Amount'],
    ['taxRate', 'Tax Rate'], ['tax', 'Tax'], ['total', 'Total'], ['dueDate', 'Due Date'],
  ],
  receipts: [['date', 'Date'], ['receiptNo', 'Receipt No'], ['customerId', 'Customer ID'], ['amount', 'Amount'], ['method', 'Method'], ['reference', 'Reference']],
  statement: [['customerId', 'Customer ID'], ['date', 'Date'], ['reference', 'Reference'], ['description', 'Description'], ['billed', 'Billed'], ['paid', 'Paid'], ['balance', 'Balance']],
} as const;

function mapping<K extends TemplateKind>(sheet: string, template: K, headers: readonly (readonly [string, string])[]): SheetMapping<K> {
  const columns: Record<string, number> = {};
  headers.forEach(([field], i) => {
    columns[field] = i;
  });
  return { sheet, template, headerRow: 1, columns: columns as SheetMapping<K>['columns'], unmapped: [] };
}

/** Cents as a Decimal without passing through a float. */
function money(cents: number): Decimal {
  return new Decimal(cents).dividedBy(100);
}

/** Cents as the number Excel would hold in the cell. */
function cellMoney(cents: number): number {
  return cents / 100;
}

interface SaleDraft {
  cust: number;
  date: Day;
  cents: number;
  tax: number;
  row: number;
  docNo: string;
  invoiceNo: string;
  open: number;
  /** The Customer ID as typed on our sale when it is wrong ('' for blank); undefined when right. */
  typedId?: string;
}

interface StatementDraft {
  cust: number;
  date: Day;
  reference: string;
  description: string;
  billed: number | null;
  paid: number | null;
  /** Our rows this line stands for. */
  ours: string[];
  kind: 'billed' | 'paid' | 'opening';
  duplicate: boolean;
  /** `ours` is a sale with a mistyped Customer ID: a suggestion, not a link. */
  suggested?: boolean;
  /** A duplicate of this line follows: keep the pair together. */
  repeated?: boolean;
  /** Insertion order, to keep the sort stable. */
  seq: number;
}

interface ReceiptDraft {
  cust: number;
  date: Day;
  cents: number;
  reference: string;
  row: number;
  receiptNo: string;
  /** Dated on the period's first day, paying a prior-period invoice. */
  periodStart?: boolean;
}

/** Generates a workbook with known truth. */
export function generateWorkbook(opts: GeneratorOptions): GeneratedWorkbook {
  const rand = prng(opts.seed);
  const start = opts.start ?? (dayFromYMD(2024, 1, 1) as Day);
  const days = opts.days ?? 180;
  const end = start + days - 1;
  const window = opts.windowDays ?? 7;
  const nz = opts.noise;
  const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
  const custId = (c: number): string => `C${String(c + 1).padStart(5, '0')}`;

  // --- Sales, in date order (rows follow), including prior-period sales for opening balances.
  const prices = opts.priceList ? Array.from({ length: opts.customers }, () => Array.from({ length: opts.priceList as number }, () => int(1000, 9_999_999))) : null;
  const drafts: SaleDraft[] = [];
  const counts = Array.from({ length: opts.customers }, () => Math.max(1, Math.round(opts.salesPerCustomer * (0.5 + rand()))));
  if (opts.totalSales !== undefined) {
    let diff = opts.totalSales - counts.reduce((a, n) => a + n, 0);
    for (let c = 0; diff !== 0; c = (c + 1) % opts.customers) {
      if (diff > 0) {
        counts[c]++;
        diff--;
      } else if (counts[c] > 1) {
        counts[c]--;
        diff++;
      }
    }
  }
  for (let c = 0; c < opts.customers; c++) {
    const n = counts[c];
    if (opts.openingBalances) {
      for (let k = 0; k < 3; k++) drafts.push(saleDraft(c, start - int(10, 60)));
    }
    for (let k = 0; k < n; k++) drafts.push(saleDraft(c, start + int(0, days - 1)));
  }
  function saleDraft(cust: number, date: Day): SaleDraft {
    // Amounts spread over four orders of magnitude so equal amounts are rare, as in many books; with a
    // price list, repeat orders of the same amount are common.
    const net = prices ? prices[cust][int(0, prices[cust].length - 1)] : int(1000, 9_999_999);
    const credit = rand() < 0.01;
    const amount = credit ? -Math.max(100, Math.round(net / 20)) : net;
    // Tax rounds half away from zero, as invoices do (Math.round alone would round -0.5 up).
    const tax = Math.sign(amount) * Math.round((Math.abs(amount) * 13) / 100);
    return { cust, date, cents: amount + tax, tax, row: 0, docNo: '', invoiceNo: '', open: 0 };
  }
  drafts.sort((a, b) => a.date - b.date || a.cust - b.cust);
  drafts.forEach((s, k) => {
    s.row = k + 2;
    s.docNo = `SO-2024-${String(k + 1).padStart(7, '0')}`;
    s.invoiceNo = String((k + 1) * 7919 % 100_000_000).padStart(8, '0');
    s.open = s.cents;
  });
  const salesByCust: SaleDraft[][] = Array.from({ length: opts.customers }, () => []);
  for (const s of drafts) salesByCust[s.cust].push(s);
  // Mistyped Customer IDs: a dropped or doubled character (never another customer's ID, which all have
  // one length), or nothing typed at all.
  if (opts.mistypedIds) {
    for (const s of drafts) {
      if (s.date < start || s.cents <= 0 || rand() >= opts.mistypedIds) continue;
      const id = custId(s.cust);
      const k = int(1, id.length - 1);
      const r = rand();
      s.typedId = r < 0.25 ? '' : r < 0.6 ? id.slice(0, k) + id.slice(k + 1) : id.slice(0, k) + id[k] + id.slice(k);
    }
  }
  const saleRef = (s: SaleDraft): string => `${SHEETS.sales}!${s.row}`;

  // --- Receipts paying invoices (their truth scores cash application: `Truth.allocations`).
  const receipts: ReceiptDraft[] = [];
  // Which receipts each paid line stands for is decided below; keep for each receipt its invoices.
  const receiptInvoices: SaleDraft[][] = [];
  const receiptShares: number[][] = [];
  for (let c = 0; c < opts.customers; c++) {
    const list = salesByCust[c].filter((s) => s.cents > 0);
    for (let k = 0; k < list.length; k++) {
      const s = list[k];
      if (s.open <= 0 || rand() < nz.cash.unpaid) continue;
      const date = Math.max(s.date, start) + int(5, 40);
      if (date > end) continue;
      const r = rand();
      if (r < nz.cash.multiInvoice && k + 1 < list.length) {
        const group = list.slice(k, k + int(2, 3)).filter((x) => x.open > 0 && x.date <= date);
        const shares = group.map((x) => x.open);
        const cents = shares.reduce((a, x) => a + x, 0);
        group.forEach((x) => (x.open = 0));
        const named = rand() < 0.5 ? `payment for ${group.map((x) => `INV-${x.invoiceNo}`).join(', ')}` : '';
        addReceipt(c, date, cents, named, group, shares);
      } else if (r < nz.cash.multiInvoice + nz.cash.partial) {
        const cents = Math.max(1, Math.round((s.open * int(30, 90)) / 100));
        s.open -= cents;
        addReceipt(c, date, cents, `partial payment ${s.docNo}`, [s], [cents]);
      } else {
        const cents = s.open;
        s.open = 0;
        const text = [`payment for INV-${s.invoiceNo}`, `货款 ${s.docNo}`, '', 'bank transfer'][int(0, 3)];
        addReceipt(c, date, cents, text, [s], [cents]);
      }
    }
    if (rand() < nz.cash.unapplied) addReceipt(c, start + int(0, days - 1), int(10_000, 500_000), 'advance', [], []);
    // A prior-period invoice paid on the period's first day.
    const prior = list.filter((s) => s.date < start && s.open > 0);
    if (prior.length > 0 && rand() < (nz.cash.periodStart ?? 0)) {
      const s = prior[int(0, prior.length - 1)];
      const cents = s.open;
      s.open = 0;
      addReceipt(c, start, cents, `payment for INV-${s.invoiceNo}`, [s], [cents], true);
    }
  }
  function addReceipt(cust: number, date: Day, cents: number, reference: string, paid: SaleDraft[], shares: number[], periodStart = false): void {
    receipts.push({ cust, date, cents, reference, row: 0, receiptNo: '', periodStart });
    receiptInvoices.push(paid);
    receiptShares.push(shares);
  }
  const receiptOrder = receipts.map((_, k) => k).sort((a, b) => receipts[a].date - receipts[b].date || receipts[a].cust - receipts[b].cust || a - b);
  receiptOrder.forEach((k, pos) => {
    receipts[k].row = pos + 2;
    receipts[k].receiptNo = `RC-2024-${String(pos + 1).padStart(7, '0')}`;
  });
  const receiptRef = (r: ReceiptDraft): string => `${SHEETS.receipts}!${r.row}`;

  // --- Their statement.
  const lines: StatementDraft[] = [];
  let seq = 0;
  const line = (d: Omit<StatementDraft, 'seq' | 'duplicate'>, duplicate = false): StatementDraft => {
    const l: StatementDraft = { ...d, seq: seq++, duplicate };
    lines.push(l);
    return l;
  };
  const clamp = (d: Day): Day => Math.min(end, Math.max(start, d));
  const shift = (d: Day): Day => {
    const s = clamp(d + (rand() < 0.5 ? -1 : 1) * int(1, window));
    return s === d ? clamp(d + (d < end ? 1 : -1)) : s;
  };
  const typo = (ref: string): string => {
    for (let attempt = 0; attempt < 10; attempt++) {
      const i = int(0, ref.length - 2);
      const chars = ref.split('');
      if (rand() < 0.5) {
        if (chars[i] === chars[i + 1]) continue;
        [chars[i], chars[i + 1]] = [chars[i + 1], chars[i]];
      } else {
        const d = String((Number(chars[i]) + int(1, 9)) % 10);
        chars[i] = d;
      }
      const out = chars.join('');
      // A slip on a leading zero vanishes once zeros are stripped: no longer one edit from anything.
      if (out !== ref && out.replace(/^0+/, '').length === ref.replace(/^0+/, '').length) return out;
    }
    return ref;
  };
  let extraSeq = 0;
  // Most lines are booked the day we invoice; about one in seven 1 to `lagDays` days later (issue #9's
  // workbook: ~700 of ~9,800 matched lines had a date difference, and 1,400 date-diff findings).
  const lagOf = (): number => (rand() < 0.85 ? 0 : int(1, nz.billed.lagDays));
  const booked = (d: Day): Day => clamp(d + lagOf());
  const openingOffset: number[] = Array.from({ length: opts.customers }, () => 0);
  // What they booked before the period that we booked in it: part of their opening, not of ours.
  const boundaryOpening: number[] = Array.from({ length: opts.customers }, () => 0);
  const boundary = new Map<string, string>();
  /** Whether they book this record of ours before the period; false without drawing when the option is off. */
  const acrossStart = (): boolean => (opts.boundaryItems ?? 0) > 0 && opts.openingBalances === true && rand() < (opts.boundaryItems as number);
  /** They book it 1 to 3 days before the period: listed as such a line (returned) or only in the opening row. */
  const bookBefore = (c: number, ref: string, cents: number, kind: 'billed' | 'paid', reference: string): void => {
    boundary.set(ref, custId(c));
    const date = start - int(1, 3);
    if (rand() < 0.5) {
      line({ cust: c, date, reference, description: kind === 'paid' ? 'Payment' : 'Invoice', billed: kind === 'billed' ? cents : null, paid: kind === 'paid' ? cents : null, ours: [ref], kind });
      return;
    }
    boundaryOpening[c] += kind === 'billed' ? cents : -cents;
    (lines.find((l) => l.cust === c && l.kind === 'opening') as StatementDraft).ours.push(ref);
  };
  for (let c = 0; c < opts.customers; c++) {
    const list = salesByCust[c];
    const prior = list.filter((s) => s.date < start);
    if (opts.openingBalances) {
      line({ cust: c, date: start, reference: '', description: 'Opening balance', billed: null, paid: null, ours: [], kind: 'opening' });
    }
    const inPeriod = list.filter((s) => s.date >= start);
    for (let k = 0; k < inPeriod.length; k++) {
      const s = inPeriod[k];
      const b = nz.billed;
      let r = rand();
      const pick = (p: number): boolean => {
        if (r < p) return true;
        r -= p;
        return false;
      };
      if (s.typedId !== undefined) {
        // Our sale went to an unknown customer; their line is plain, and only a suggestion can find it.
        line({ cust: c, date: booked(s.date), reference: s.invoiceNo, description: 'Invoice', billed: s.cents, paid: null, ours: [saleRef(s)], kind: 'billed', suggested: true });
        continue;
      }
      if (s.date === start && s.cents > 0 && acrossStart()) {
        bookBefore(c, saleRef(s), s.cents, 'billed', s.invoiceNo);
        continue;
      }
      if (pick(b.missing)) continue;
      if (pick(b.combined) && k + 1 < inPeriod.length) {
        const group = [s];
        // They book the combined line a few days after the last invoice, all within the window of it.
        const lagged = lagOf();
        for (let j = k + 1; j < inPeriod.length && group.length < int(2, 3); j++) {
          const next = inPeriod[j];
          if (next.date - s.date + lagged <= window && Math.sign(next.cents) === Math.sign(s.cents) && next.typedId === undefined) group.push(next);
          else break;
        }
        if (group.length >= 2) {
          const last = group[group.length - 1];
          // Real statements name the combined line by one of its invoices as often as by none.
          const named = rand() < 0.5 ? '' : group[rand() < 0.5 ? 0 : group.length - 1].invoiceNo;
          line({ cust: c, date: clamp(last.date + lagged), reference: named, description: 'Goods', billed: group.reduce((a, x) => a + x.cents, 0), paid: null, ours: group.map(saleRef), kind: 'billed' });
          k += group.length - 1;
          continue;
        }
      }
      let reference = s.invoiceNo;
      let date = booked(s.date);
      let cents = s.cents;
      let dup = false;
      const off = (): number => (rand() < 0.5 ? -1 : 1) * int(100, 50_000);
      if (pick(b.amountDiffTypo)) {
        cents += off();
        reference = typo(reference);
      } else if (pick(b.amountDiffBlank)) {
        // With nothing to identify the line but its amount, the difference is a discount or a price
        // correction of a few per cent, not another sum.
        cents += (rand() < 0.5 ? -1 : 1) * int(1, Math.max(1, Math.floor(Math.abs(cents) / 20)));
        reference = '';
      } else if (pick(b.amountDiffDocNo)) {
        cents += off();
        reference = s.docNo;
      } else if (pick(b.amountDiff)) cents += off();
      else if (pick(b.rounding)) cents += rand() < 0.5 ? -1 : 1;
      else if (pick(b.dateShift)) date = shift(date);
      else if (pick(b.typo)) reference = typo(reference);
      else if (pick(b.docNo)) reference = s.docNo;
      else if (pick(b.blankRef)) reference = '';
      else dup = pick(b.duplicate);
      const l = line({ cust: c, date, reference: reference === s.invoiceNo && rand() < 0.3 ? `INV ${reference}` : reference, description: 'Invoice', billed: cents, paid: null, ours: [saleRef(s)], kind: 'billed' });
      if (dup) {
        line({ ...l, ours: [] }, true);
        l.repeated = true;
      }
      if (rand() < b.extra) {
        line({ cust: c, date: clamp(s.date + int(0, 3)), reference: `ADJ-${String(++extraSeq).padStart(6, '0')}`, description: 'Adjustment', billed: int(1000, 2_000_000), paid: null, ours: [], kind: 'billed' });
      }
    }
    if (opts.openingBalances) {
      const opening = lines.find((l) => l.cust === c && l.kind === 'opening') as StatementDraft;
      if (rand() < (opts.openingOffsets ?? 0)) openingOffset[c] = (rand() < 0.5 ? -1 : 1) * int(10_000, 90_000);
      opening.billed = prior.reduce((a, s) => a + s.cents, 0) + openingOffset[c] + boundaryOpening[c];
    }
  }
  // Paid side: from receipts, in date order per customer.
  const receiptsByCust: ReceiptDraft[][] = Array.from({ length: opts.customers }, () => []);
  for (const k of receiptOrder) receiptsByCust[receipts[k].cust].push(receipts[k]);
  const invoicesOf = new Map<ReceiptDraft, SaleDraft[]>();
  receipts.forEach((r, k) => invoicesOf.set(r, receiptInvoices[k]));
  let voucher = 0;
  for (let c = 0; c < opts.customers; c++) {
    const list = receiptsByCust[c];
    for (let k = 0; k < list.length; k++) {
      const rc = list[k];
      const p = nz.paid;
      let r = rand();
      const pick = (q: number): boolean => {
        if (r < q) return true;
        r -= q;
        return false;
      };
      const own = (): string => (rand() < 0.8 ? `PV${String(c + 1).padStart(5, '0')}${String(++voucher).padStart(7, '0')}` : '');
      // Most payments are booked the day they arrive; some a day or two apart.
      const lag = rand() < 0.7 ? rc.date : clamp(rc.date + int(1, 2));
      if (rc.periodStart && acrossStart()) {
        const before = boundaryOpening[c];
        bookBefore(c, receiptRef(rc), rc.cents, 'paid', own());
        const opening = lines.find((l) => l.cust === c && l.kind === 'opening') as StatementDraft;
        opening.billed = (opening.billed ?? 0) + boundaryOpening[c] - before;
        continue;
      }
      if (pick(p.missing)) continue;
      if (pick(p.split)) {
        const parts = int(2, 3);
        let left = rc.cents;
        for (let j = 0; j < parts; j++) {
          const part = j === parts - 1 ? left : Math.max(1, Math.round(left * (0.3 + rand() * 0.4)));
          left -= part;
          line({ cust: c, date: clamp(rc.date + j), reference: own(), description: 'Payment', billed: null, paid: part, ours: [receiptRef(rc)], kind: 'paid' });
          if (left <= 0) break;
        }
        continue;
      }
      if (pick(p.combined) && k + 1 < list.length && list[k + 1].date - rc.date <= 2) {
        const next = list[k + 1];
        line({ cust: c, date: next.date, reference: own(), description: 'Payment', billed: null, paid: rc.cents + next.cents, ours: [receiptRef(rc), receiptRef(next)], kind: 'paid' });
        k++;
        continue;
      }
      let cents = rc.cents;
      let date = lag;
      let reference = own();
      const invs = invoicesOf.get(rc) ?? [];
      if (invs.length === 1 && rand() < 0.3) reference = invs[0].invoiceNo;
      const named = invs.length === 1 && rc.reference.includes(invs[0].invoiceNo);
      if (pick(p.amountDiff) && named) {
        cents += int(500, 5_000); // they paid more than arrived: a bank fee
        reference = invs[0].invoiceNo;
      } else if (pick(p.dateShift)) date = shift(rc.date);
      line({ cust: c, date, reference, description: 'Payment', billed: null, paid: cents, ours: [receiptRef(rc)], kind: 'paid' });
      if (rand() < p.extra) {
        line({ cust: c, date: clamp(rc.date + int(0, 3)), reference: own(), description: 'Payment', billed: null, paid: int(1000, 500_000), ours: [], kind: 'paid' });
      }
    }
  }
  if (opts.statementRows !== undefined) fitStatement(opts.statementRows);
  function fitStatement(target: number): void {
    let surplus = lines.length - target;
    if (surplus > 0) {
      const drop = new Uint8Array(lines.length);
      while (surplus > 0) {
        const k = int(0, lines.length - 1);
        if (drop[k] || lines[k].kind !== 'billed' || lines[k].ours.length !== 1 || lines[k].duplicate || lines[k].repeated) continue;
        drop[k] = 1;
        surplus--;
      }
      let w = 0;
      for (let k = 0; k < lines.length; k++) if (!drop[k]) lines[w++] = lines[k];
      lines.length = w;
    }
    while (lines.length < target) {
      const c = int(0, opts.customers - 1);
      line({ cust: c, date: start + int(0, days - 1), reference: `ADJ-${String(++extraSeq).padStart(6, '0')}`, description: 'Adjustment', billed: int(1000, 2_000_000), paid: null, ours: [], kind: 'billed' });
    }
  }
  // Statement order: customer, then date, opening first, billed before paid.
  const kindRank = { opening: 0, billed: 1, paid: 2 };
  lines.sort((a, b) => a.cust - b.cust || (a.kind === 'opening' ? -1 : b.kind === 'opening' ? 1 : 0) || a.date - b.date || kindRank[a.kind] - kindRank[b.kind] || a.seq - b.seq);
  const truth: Truth = { billedPairs: new Set(), paidPairs: new Set(), duplicates: new Set(), corrupted: new Set(), openingDiffs: new Set(), suggested: new Set(), allocations: [] };
  receipts.forEach((r, k) => {
    receiptInvoices[k].forEach((s, j) => s.typedId === undefined && truth.allocations.push({ receipt: receiptRef(r), sale: saleRef(s), cents: receiptShares[k][j] }));
  });
  openingOffset.forEach((off, c) => off !== 0 && truth.openingDiffs.add(custId(c)));
  if (opts.boundaryItems) truth.boundary = boundary;
  const balances: number[] = new Array(lines.length);
  const corrupt = new Set<number>();
  for (let c = 0; c < opts.customers; c++) if (rand() < (opts.corruptBalances ?? 0)) corrupt.add(c);
  let running = 0;
  let prevCust = -1;
  lines.forEach((l, k) => {
    const row = k + 2;
    const ref = `${SHEETS.statement}!${row}`;
    if (l.cust !== prevCust) running = 0;
    prevCust = l.cust;
    running += (l.billed ?? 0) - (l.paid ?? 0);
    balances[k] = running;
    if (l.duplicate) truth.duplicates.add(ref);
    // The opening row stands for what they booked before the period: receipts on the paid side.
    for (const o of l.ours) (l.suggested ? truth.suggested : l.kind === 'paid' || o.startsWith(`${SHEETS.receipts}!`) ? truth.paidPairs : truth.billedPairs).add(`${o}~${ref}`);
    const lastOfCustomer = k === lines.length - 1 || lines[k + 1].cust !== l.cust;
    if (lastOfCustomer && corrupt.has(l.cust)) {
      balances[k] += int(1, 99_999);
      truth.corrupted.add(custId(l.cust));
    }
  });

  // --- Typed records.
  const customersTable: Table<CustomerRecord, 'customers'> = { mapping: mapping(SHEETS.customers, 'customers', HEADERS.customers), records: [] };
  for (let c = 0; c < opts.customers; c++) {
    customersTable.records.push({
      sheet: SHEETS.customers, row: c + 2, customerId: custId(c), customerName: `Customer ${c + 1}`, taxId: '',
      creditLimit: money(int(1, 50) * 10_000_000), paymentTerms: rand() < 0.5 ? { kind: 'net', days: 30 } : { kind: 'eom', days: 30 },
      creditRating: null, status: 'active', contact: '', email: '', salesRep: '', region: '',
    });
  }
  // Sales, receipts and statement lines as the parser builds them: row classes holding each money
  // cell's number, so Decimals are only made where a check asks (and the bench measures real runs).
  const rate = new Decimal('0.13');
  const salesTable: Table<SaleRecord, 'sales'> = { mapping: mapping(SHEETS.sales, 'sales', HEADERS.sales), records: new Array(drafts.length) };
  drafts.forEach((s, k) => {
    const row = new SaleRow(SHEETS.sales, s.row);
    row.date = s.date;
    row.docNo = s.docNo;
    row.invoiceNo = s.invoiceNo;
    row.customerId = s.typedId ?? custId(s.cust);
    row.customerName = `Customer ${s.cust + 1}`;
    row.product = 'Widget';
    row.category = 'Goods';
    // A credit note is a negative quantity at the usual, positive price.
    row.rawQuantity = s.cents < 0 ? -1 : 1;
    row.rawUnitPrice = cellMoney(Math.abs(s.cents - s.tax));
    row.rawAmount = cellMoney(s.cents - s.tax);
    row.taxRate = rate;
    row.rawTax = cellMoney(s.tax);
    row.rawTotal = cellMoney(s.cents);
    salesTable.records[k] = row;
  });
  const receiptsTable: Table<ReceiptRecord, 'receipts'> = { mapping: mapping(SHEETS.receipts, 'receipts', HEADERS.receipts), records: [] };
  for (const k of receiptOrder) {
    const r = receipts[k];
    const row = new ReceiptRow(SHEETS.receipts, r.row);
    row.date = r.date;
    row.receiptNo = r.receiptNo;
    row.customerId = custId(r.cust);
    row.rawAmount = cellMoney(r.cents);
    row.method = 'bank-transfer';
    row.reference = r.reference;
    receiptsTable.records.push(row);
  }
  const statementTable: Table<StatementLine, 'statement'> = { mapping: mapping(SHEETS.statement, 'statement', HEADERS.statement), records: new Array(lines.length) };
  lines.forEach((l, k) => {
    const row = new StatementRow(SHEETS.statement, k + 2);
    row.customerId = custId(l.cust);
    row.date = l.date;
    row.reference = l.reference;
    row.description = l.description;
    row.rawBilled = l.billed === null ? null : cellMoney(l.billed);
    row.rawPaid = l.paid === null ? null : cellMoney(l.paid);
    row.rawBalance = opts.runningBalance ? cellMoney(balances[k]) : null;
    row.isOpening = l.kind === 'opening';
    statementTable.records[k] = row;
  });
  const parsed: ParsedWorkbook = { customers: [customersTable], sales: [salesTable], receipts: [receiptsTable], statements: [statementTable] };

  const grids = opts.grids ? toGrids(parsed) : [];
  return { parsed, grids, truth, asOf: end };
}

function cell(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (v instanceof Decimal) return cellMoney(v.times(100).toNumber());
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'object' && v && 'kind' in v && 'days' in v) {
    const t = v as { kind: string; days: number };
    return t.kind === 'eom' ? `EOM ${t.days}` : `Net ${t.days}`;
  }
  return String(v);
}

const STATUS_TEXT: Record<string, string> = { active: 'Active', 'on-hold': 'On Hold', closed: 'Closed' };
const METHOD_TEXT: Record<string, string> = { 'bank-transfer': 'Bank transfer', cash: 'Cash', 'acceptance-bill': 'Bank acceptance bill', other: 'Other' };

/** The typed records as sheets of cells with English headers, as a user's workbook would hold them. */
export function toGrids(parsed: ParsedWorkbook): SheetGrid[] {
  const grid = <K extends keyof TemplateRecords>(tables: Table<TemplateRecords[K], K>[], headers: readonly (readonly [string, string])[], convert: (field: string, value: unknown) => CellValue): SheetGrid[] =>
    tables.map((t) => {
      const rows: CellValue[][] = [headers.map(([, h]) => h)];
      for (const rec of t.records) {
        const r = rec as unknown as Record<string, unknown>;
        rows[rec.row - 1] = headers.map(([field]) => convert(field, r[field]));
      }
      for (let k = 0; k < rows.length; k++) if (!rows[k]) rows[k] = [];
      return { name: t.mapping.sheet, rows };
    });
  return [
    ...grid(parsed.customers, HEADERS.customers, (f, v) => (f === 'status' ? STATUS_TEXT[v as string] ?? null : cell(v))),
    ...grid(parsed.sales, HEADERS.sales, (_f, v) => cell(v)),
    ...grid(parsed.receipts, HEADERS.receipts, (f, v) => (f === 'method' ? METHOD_TEXT[v as string] ?? null : cell(v))),
    ...grid(parsed.statements, HEADERS.statement, (_f, v) => cell(v)),
  ];
}

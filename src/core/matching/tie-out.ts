import { cellAddress } from '../model/cells';
import { RawNum } from '../model/exact';
import { exactCents, lineRaw, rawCents, rawDecimal, receiptAmountRaw, saleGrossRaw } from './match-amounts';
import { CustomerOrdinals } from './match-items';
import { Decimal, Money, ZERO } from '../model/money';
import { ReceiptRecord, SaleRecord, StatementLine, Table } from '../model/records';

/**
 * The balance tie-out (余额调节): for each customer with a statement, our balance at the as-of date
 * minus theirs must equal the sum of the open differences the matching found. What it needs from the
 * statement (opening, period start, closing) and from our records (opening, balance) lives here.
 */

/** An exact running sum that adds whole-cent amounts as integers and only the rest as decimals. */
export class MoneySum {
  private cents = 0;
  private rest: Money = ZERO;

  addCents(cents: number): void {
    this.cents += cents;
  }

  /** Adds a value as read (a cell's number or a Decimal) without building a Decimal for whole cents. */
  addRaw(raw: RawNum, sign: 1 | -1 = 1): void {
    const c = rawCents(raw);
    if (Number.isNaN(c)) this.rest = sign > 0 ? this.rest.plus(rawDecimal(raw)) : this.rest.minus(rawDecimal(raw));
    else this.cents += sign * c;
  }

  add(m: Money): void {
    const c = exactCents(m);
    if (Number.isNaN(c)) this.rest = this.rest.plus(m);
    else this.cents += c;
  }

  subtract(m: Money): void {
    const c = exactCents(m);
    if (Number.isNaN(c)) this.rest = this.rest.minus(m);
    else this.cents -= c;
  }

  value(): Money {
    return new Decimal(this.cents).dividedBy(100).plus(this.rest);
  }
}

/** Where a finding about a whole customer's statement goes. */
export interface Anchor {
  sheet: string;
  row: number;
  cell: string;
}

/** What a customer's statement says in total. */
export interface StatementScope {
  cust: number;
  customerId: string;
  /**
   * Their balance brought forward into the period (期初余额): the opening row (zero when the statement
   * gives none) plus any of their lines dated before the period, which belong to the opening balance.
   */
  opening: Money;
  /** Whether the statement carries an opening balance (a row, or a first running balance implying one). */
  hasOpening: boolean;
  /** Our records dated before this are brought forward into our opening; null: every record counts. */
  periodStart: number | null;
  /** Their closing balance: the last running balance, else opening + billed − paid. */
  closing: Money;
  /** The statement's own closing date (截止日期): the date of its last line up to the as-of date. */
  closingDate: number | null;
  /** The first day the statement covers, for the heading: the period start, else its first dated line. */
  periodFrom: number | null;
  /** The opening row, for the Reconciliation sheet's link. */
  openingAt: Anchor | null;
  /** The cell a `tie-out` finding goes on: the last line's Balance cell (or the nearest column it has). */
  anchor: Anchor;
}

interface ScopeAcc {
  customerId: string;
  opening: StatementLine | null;
  openingSheet: Table<StatementLine, 'statement'> | null;
  first: StatementLine | null;
  last: StatementLine | null;
  lastTable: Table<StatementLine, 'statement'> | null;
  lastOrder: number;
  firstOrder: number;
  openingOrder: number;
  minItemDate: number | null;
  maxDate: number | null;
  billed: MoneySum;
  paid: MoneySum;
  /** Their lines dated before the period start (the opening row's date): part of the opening balance. */
  before: MoneySum;
}

function anchorColumn(columns: Partial<Record<string, number>>): number {
  return columns.balance ?? columns.billed ?? columns.paid ?? columns.reference ?? columns.customerId ?? 0;
}

/**
 * Reads each customer's statement lines dated up to `asOf` (undated lines count): opening, period start
 * and closing balance. `order(sheet, row)` ranks lines so "last" means the same on every run.
 */
export function statementScopes(
  tables: readonly Table<StatementLine, 'statement'>[],
  customers: CustomerOrdinals,
  asOf: number,
  order: (sheet: string, row: number) => number,
): Map<number, StatementScope> {
  // First the opening rows' dates, so the one pass below knows which lines fall before each period.
  const openingDates = new Map<string, number>();
  for (const table of tables) {
    for (const line of table.records) {
      if (!line.isOpening || line.date === null || line.date > asOf) continue;
      const id = line.customerId.trim();
      const prev = openingDates.get(id);
      if (prev === undefined || line.date < prev) openingDates.set(id, line.date);
    }
  }
  const accs = new Map<number, ScopeAcc>();
  let openingDate: number | undefined;
  let lastId = '';
  let lastCust = -1;
  let lastAcc: ScopeAcc | undefined;
  for (const table of tables) {
    for (const line of table.records) {
      if (line.date !== null && line.date > asOf) continue;
      // Lines of one customer come together: skip the map lookups when the ID repeats.
      if (line.customerId !== lastId) {
        lastId = line.customerId;
        const trimmed = line.customerId.trim();
        lastCust = trimmed === '' ? -1 : customers.of(trimmed);
        lastAcc = lastCust < 0 ? undefined : accs.get(lastCust);
        openingDate = openingDates.get(trimmed);
      }
      const cust = lastCust;
      if (cust < 0) continue;
      const id = customers.ids[cust];
      let acc = lastAcc;
      if (!acc) {
        acc = {
          customerId: id, opening: null, openingSheet: null, first: null, last: null, lastTable: null,
          lastOrder: -1, firstOrder: Number.POSITIVE_INFINITY, openingOrder: Number.POSITIVE_INFINITY,
          minItemDate: null, maxDate: null, billed: new MoneySum(), paid: new MoneySum(), before: new MoneySum(),
        };
        accs.set(cust, acc);
        lastAcc = acc;
      }
      const rank = order(table.mapping.sheet, line.row);
      if (line.date !== null && (acc.maxDate === null || line.date > acc.maxDate)) acc.maxDate = line.date;
      if (rank > acc.lastOrder) {
        acc.lastOrder = rank;
        acc.last = line;
        acc.lastTable = table;
      }
      if (line.isOpening) {
        if (rank < acc.openingOrder) {
          acc.openingOrder = rank;
          acc.opening = line;
          acc.openingSheet = table;
        }
        continue;
      }
      if (rank < acc.firstOrder) {
        acc.firstOrder = rank;
        acc.first = line;
      }
      const billed = lineRaw(line, 'billed');
      const paid = lineRaw(line, 'paid');
      if (openingDate !== undefined && line.date !== null && line.date < openingDate) {
        // Booked before the period: brought forward with the opening, never an item of the period.
        if (billed !== null) acc.before.addRaw(billed);
        if (paid !== null) acc.before.addRaw(paid, -1);
        continue;
      }
      if (line.date !== null && (acc.minItemDate === null || line.date < acc.minItemDate)) acc.minItemDate = line.date;
      if (billed !== null) acc.billed.addRaw(billed);
      if (paid !== null) acc.paid.addRaw(paid);
    }
  }
  const out = new Map<number, StatementScope>();
  for (const [cust, acc] of accs) {
    let opening: Money = ZERO;
    let hasOpening = false;
    let periodStart: number | null = null;
    let openingAt: Anchor | null = null;
    if (acc.opening && acc.openingSheet) {
      hasOpening = true;
      const o = acc.opening;
      opening = (o.balance ?? (o.billed ?? ZERO).minus(o.paid ?? ZERO)).plus(acc.before.value());
      periodStart = o.date ?? acc.minItemDate;
      const cols = acc.openingSheet.mapping.columns as Partial<Record<string, number>>;
      openingAt = { sheet: acc.openingSheet.mapping.sheet, row: o.row, cell: cellAddress(o.row, anchorColumn(cols)) };
    } else if (acc.first?.balance) {
      // No opening row, but the first running balance shows what was brought forward.
      const f = acc.first;
      const implied = acc.first.balance.minus(f.billed ?? ZERO).plus(f.paid ?? ZERO);
      if (!implied.isZero()) {
        hasOpening = true;
        opening = implied;
        periodStart = acc.minItemDate;
      }
    }
    const last = acc.last as StatementLine;
    const lastTable = acc.lastTable as Table<StatementLine, 'statement'>;
    const closing = last.balance ?? opening.plus(acc.billed.value()).minus(acc.paid.value());
    const cols = lastTable.mapping.columns as Partial<Record<string, number>>;
    out.set(cust, {
      cust, customerId: acc.customerId, opening, hasOpening, periodStart, closing, openingAt,
      closingDate: acc.maxDate, periodFrom: periodStart ?? acc.minItemDate,
      anchor: { sheet: lastTable.mapping.sheet, row: last.row, cell: cellAddress(last.row, anchorColumn(cols)) },
    });
  }
  return out;
}

/** Our side of one customer: the balance brought forward and the balance at the as-of date. */
export interface OurBalance {
  opening: Money;
  balance: Money;
}

/**
 * Our balance per statement customer: sales (gross) − receipts dated up to `asOf` (undated count), and
 * the part of it dated before the statement's period start (our opening).
 */
export function ourBalances(
  sales: readonly Table<SaleRecord, 'sales'>[],
  receipts: readonly Table<ReceiptRecord, 'receipts'>[],
  customers: CustomerOrdinals,
  scopes: ReadonlyMap<number, Pick<StatementScope, 'periodStart'>>,
  asOf: number,
): Map<number, OurBalance> {
  const acc = new Map<number, { opening: MoneySum; balance: MoneySum }>();
  for (const cust of scopes.keys()) acc.set(cust, { opening: new MoneySum(), balance: new MoneySum() });
  let lastId = '';
  let lastCust = -1;
  let lastA: { opening: MoneySum; balance: MoneySum } | undefined;
  let lastStart: number | null = null;
  const visit = (customerId: string, date: number | null, amount: RawNum | null, sign: 1 | -1): void => {
    if (!amount || (date !== null && date > asOf)) return;
    // Rows of one customer usually come together: skip the map lookup when the ID repeats.
    if (customerId !== lastId) {
      lastId = customerId;
      lastCust = customers.find(customerId.trim());
      lastA = lastCust < 0 ? undefined : acc.get(lastCust);
      lastStart = lastA ? (scopes.get(lastCust) as Pick<StatementScope, 'periodStart'>).periodStart : null;
    }
    const a = lastA;
    if (!a) return;
    const start = lastStart;
    const early = start !== null && date !== null && date < start;
    a.balance.addRaw(amount, sign);
    if (early) a.opening.addRaw(amount, sign);
  };
  for (const t of sales) for (const s of t.records) visit(s.customerId, s.date, saleGrossRaw(s), 1);
  for (const t of receipts) for (const r of t.records) visit(r.customerId, r.date, receiptAmountRaw(r), -1);
  const out = new Map<number, OurBalance>();
  for (const [cust, a] of acc) out.set(cust, { opening: a.opening.value(), balance: a.balance.value() });
  return out;
}

/**
 * Customers of the customers sheet with sales or receipts dated up to `asOf` (undated count) and no
 * statement: the Reconciliation sheet lists them as "no statement received".
 */
export function customersWithoutStatement(
  sales: readonly Table<SaleRecord, 'sales'>[],
  receipts: readonly Table<ReceiptRecord, 'receipts'>[],
  customers: CustomerOrdinals,
  scopes: ReadonlyMap<number, unknown>,
  asOf: number,
): Map<number, { periodStart: null }> {
  const out = new Map<number, { periodStart: null }>();
  let lastId: string | null = null;
  const visit = (customerId: string, date: number | null): void => {
    if (date !== null && date > asOf) return;
    // Rows of one customer usually come together: one lookup per run.
    if (customerId === lastId) return;
    lastId = customerId;
    const cust = customers.find(customerId.trim());
    if (cust >= 0 && !scopes.has(cust) && !out.has(cust)) out.set(cust, { periodStart: null });
  };
  for (const t of sales) for (const s of t.records) visit(s.customerId, s.date);
  for (const t of receipts) for (const r of t.records) visit(r.customerId, r.date);
  return out;
}

/** Kinds of open items that explain a difference of balances. */
export type OpenItemKind =
  | 'unmatched-sale' | 'unmatched-receipt' | 'unmatched-billed' | 'unmatched-paid'
  | 'amount-diff-billed' | 'amount-diff-paid' | 'duplicate' | 'ambiguous-ours' | 'ambiguous-theirs';

/**
 * One open difference, with its effect on (our balance − their balance): in cents when whole cents
 * (`effectCents`), else as a decimal (`effectDecimal`); {@link effectOf} gives it either way.
 */
export interface OpenItem {
  cust: number;
  kind: OpenItemKind;
  date: number | null;
  reference: string;
  sheet: string;
  row: number;
  cell: string;
  effectCents: number | null;
  effectDecimal: Money | null;
}

/** An open item's effect on (ours − theirs) as a decimal. */
export function effectOf(item: OpenItem): Money {
  return item.effectDecimal ?? new Decimal(item.effectCents ?? 0).dividedBy(100);
}

/**
 * Where an open item goes on the 余额调节表. Timing items (未达账项) adjust one side: what they booked and
 * we have not adjusts ours (`theirs-add` d, `theirs-less` c), what we booked and they have not adjusts
 * theirs (`ours-add` a, `ours-less` b). Everything else is an error (差错) to correct, never an adjustment.
 */
export type ItemClass = 'ours-add' | 'ours-less' | 'theirs-add' | 'theirs-less' | 'error';

/** Who must correct an error. */
export type Corrector = 'them' | 'us' | 'both';

const ITEM_CLASS: Record<OpenItemKind, ItemClass> = {
  // We booked, they have not: adjusts their balance.
  'unmatched-sale': 'ours-add',
  'unmatched-receipt': 'ours-less',
  // They booked, we have not: adjusts our balance.
  'unmatched-billed': 'theirs-add',
  'unmatched-paid': 'theirs-less',
  'amount-diff-billed': 'error',
  'amount-diff-paid': 'error',
  duplicate: 'error',
  'ambiguous-ours': 'error',
  'ambiguous-theirs': 'error',
};

const CORRECTOR: Record<OpenItemKind, Corrector> = {
  'unmatched-sale': 'them',
  'unmatched-receipt': 'them',
  'unmatched-billed': 'us',
  'unmatched-paid': 'us',
  // An invoice's amount is ours to prove; they correct the booking, unless our invoice was wrong.
  'amount-diff-billed': 'both',
  'amount-diff-paid': 'both',
  // A line they booked twice is theirs to reverse.
  duplicate: 'them',
  // Several equally good counterparts: the reviewer picks the right link.
  'ambiguous-ours': 'us',
  'ambiguous-theirs': 'us',
};

/** Where an open item goes on the reconciliation. */
export function classOf(kind: OpenItemKind): ItemClass {
  return ITEM_CLASS[kind];
}

/** Who must correct an open item of this kind, were it an error. */
export function correctorOf(kind: OpenItemKind): Corrector {
  return CORRECTOR[kind];
}

/** The adjusting amounts of the two-sided reconciliation, each ≥ 0 for ordinary items (credit notes may turn one negative). */
export interface Adjustments {
  /** 对方已记我方未记：增加 — added to our balance. */
  d: Money;
  /** 对方已记我方未记：减少 — taken from our balance. */
  c: Money;
  /** 我方已记对方未记：增加 — added to their balance. */
  a: Money;
  /** 我方已记对方未记：减少 — taken from their balance. */
  b: Money;
}

/**
 * A customer's reconciliation, consistent by construction: difference = timing + errors + unexplained,
 * where timing is what the adjusting items explain, errors the error items plus the opening difference,
 * and unexplained the rest. Agreed (`tied`) only when errors and unexplained are both zero.
 */
export interface CustomerTieOut {
  scope: StatementScope;
  ourOpening: Money;
  ourBalance: Money;
  theirBalance: Money;
  /** ours − theirs. */
  difference: Money;
  /** ourOpening − their opening. */
  openingDifference: Money;
  /**
   * Records booked across the period start (跨期入账): on one side before the period, on the other in
   * it. Matched with the other side's opening balance, so no adjusting item; each explains the opposite
   * of its effect of the opening difference.
   */
  crossPeriod: OpenItem[];
  /** The part of the opening difference the cross-period records explain. */
  openingExplained: Money;
  /** The rest of the opening difference: an error in someone's books, never a timing item. */
  openingError: Money;
  adjustments: Adjustments;
  /** The timing items' effect on (ours − theirs): a − b − d + c. */
  timing: Money;
  /** The error items' effect plus what is left of the opening difference ({@link openingError}). */
  errors: Money;
  /** difference − timing − errors. */
  unexplained: Money;
  /** timing + errors (kept for the `tie-out` finding). */
  explained: Money;
  /** Our balance adjusted: B₁ + d − c. */
  ourAdjusted: Money;
  /** Their balance adjusted: B₂ + a − b. */
  theirAdjusted: Money;
  /** Errors zero, unexplained zero: the customer agrees (相符). */
  tied: boolean;
  /** Whether any error is open (an error item or an opening difference), whatever its sum. */
  hasErrors: boolean;
  items: OpenItem[];
}

/**
 * Ties out one customer. Each open item is a timing item on one side or an error (see {@link ItemClass});
 * the opening difference is an error, less what records booked across the period start (`crossPeriod`)
 * explain of it; what the items do not explain is unexplained. Agreed only when no error is open and
 * nothing is unexplained: a disputed amount can never make a customer agree.
 */
export function tieOut(scope: StatementScope, ours: OurBalance, items: OpenItem[], crossPeriod: OpenItem[] = []): CustomerTieOut {
  const side: Record<ItemClass, MoneySum> = {
    'ours-add': new MoneySum(), 'ours-less': new MoneySum(), 'theirs-add': new MoneySum(), 'theirs-less': new MoneySum(), error: new MoneySum(),
  };
  let errorItems = 0;
  for (const item of items) {
    const cls = ITEM_CLASS[item.kind];
    if (cls === 'error') errorItems++;
    const sum = side[cls];
    if (item.effectDecimal) sum.add(item.effectDecimal);
    else sum.addCents(item.effectCents ?? 0);
  }
  // Effects are on (ours − theirs): an item we booked alone raises ours, so it is added to theirs (a);
  // a receipt we booked alone lowers ours (b); they booked a bill alone (d) or a payment alone (c).
  const a = side['ours-add'].value();
  const b = side['ours-less'].value().negated();
  const d = side['theirs-add'].value().negated();
  const c = side['theirs-less'].value();
  const timing = a.minus(b).minus(d).plus(c);
  const openingDifference = ours.opening.minus(scope.opening);
  // A record in our period and in their opening (or the other way round) moves both differences alike.
  const across = new MoneySum();
  for (const item of crossPeriod) {
    if (item.effectDecimal) across.subtract(item.effectDecimal);
    else across.addCents(-(item.effectCents ?? 0));
  }
  const openingExplained = across.value();
  const openingError = openingDifference.minus(openingExplained);
  const errors = side.error.value().plus(openingError);
  const difference = ours.balance.minus(scope.closing);
  const unexplained = difference.minus(timing).minus(errors);
  const hasErrors = errorItems > 0 || !openingError.isZero();
  return {
    scope, ourOpening: ours.opening, ourBalance: ours.balance, theirBalance: scope.closing, difference, openingDifference,
    crossPeriod, openingExplained, openingError,
    adjustments: { a, b, c, d }, timing, errors, unexplained, explained: timing.plus(errors),
    ourAdjusted: ours.balance.plus(d).minus(c), theirAdjusted: scope.closing.plus(a).minus(b),
    tied: !hasErrors && unexplained.isZero(), hasErrors, items,
  };
}

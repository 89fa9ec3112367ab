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
  /** Their opening balance (期初余额); zero when the statement gives none. */
  opening: Money;
  /** Whether the statement carries an opening balance (a row, or a first running balance implying one). */
  hasOpening: boolean;
  /** Our records dated before this are brought forward into our opening; null: every record counts. */
  periodStart: number | null;
  /** Their closing balance: the last running balance, else opening + billed − paid. */
  closing: Money;
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
  billed: MoneySum;
  paid: MoneySum;
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
  const accs = new Map<number, ScopeAcc>();
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
      }
      const cust = lastCust;
      if (cust < 0) continue;
      const id = customers.ids[cust];
      let acc = lastAcc;
      if (!acc) {
        acc = {
          customerId: id, opening: null, openingSheet: null, first: null, last: null, lastTable: null,
          lastOrder: -1, firstOrder: Number.POSITIVE_INFINITY, openingOrder: Number.POSITIVE_INFINITY,
          minItemDate: null, billed: new MoneySum(), paid: new MoneySum(),
        };
        accs.set(cust, acc);
        lastAcc = acc;
      }
      const rank = order(table.mapping.sheet, line.row);
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
      if (line.date !== null && (acc.minItemDate === null || line.date < acc.minItemDate)) acc.minItemDate = line.date;
      const billed = lineRaw(line, 'billed');
      const paid = lineRaw(line, 'paid');
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
      opening = o.balance ?? (o.billed ?? ZERO).minus(o.paid ?? ZERO);
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
  scopes: Map<number, StatementScope>,
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
      lastStart = lastA ? (scopes.get(lastCust) as StatementScope).periodStart : null;
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

/** A customer's reconciliation: balances, the items explaining their difference, and whether it ties out. */
export interface CustomerTieOut {
  scope: StatementScope;
  ourOpening: Money;
  ourBalance: Money;
  theirBalance: Money;
  /** ours − theirs. */
  difference: Money;
  /** Opening difference plus every open item's effect. */
  explained: Money;
  unexplained: Money;
  tied: boolean;
  items: OpenItem[];
}

/** Ties out one customer: difference of balances against the open items (plus the opening difference). */
export function tieOut(scope: StatementScope, ours: OurBalance, items: OpenItem[]): CustomerTieOut {
  const sum = new MoneySum();
  sum.add(ours.opening);
  sum.subtract(scope.opening);
  for (const item of items) {
    if (item.effectDecimal) sum.add(item.effectDecimal);
    else sum.addCents(item.effectCents ?? 0);
  }
  const explained = sum.value();
  const difference = ours.balance.minus(scope.closing);
  const unexplained = difference.minus(explained);
  return {
    scope, ourOpening: ours.opening, ourBalance: ours.balance, theirBalance: scope.closing,
    difference, explained, unexplained, tied: unexplained.isZero(), items,
  };
}

import { customerReports, OpenAmounts } from './balances';
import { Day } from '../model/dates';
import { DEFAULT_SEVERITY, Finding, findingId } from '../model/findings';
import { toleranceCents } from './match-amounts';
import { CashDetail, cashApplication } from './match-cash';
import { CustomerOrdinals, ItemScope, orderOf, receiptItems, SaleKeyCache, saleItems, sheetRanks, statementItems } from './match-items';
import { runPasses } from './match-passes';
import { disambiguateIds, MatchReporter } from './match-report';
import { MatchConfig } from './match-types';
import { MESSAGES, say } from './matching-messages';
import { Decimal, formatMoney } from '../model/money';
import { OpeningDifference, openingDifferences } from './opening-balance';
import { CustomerSuggestion, suggestCustomers, SuggestInput } from './suggest-customer';
import { OwnedSheet } from '../output/plan';
import { NoStatementCustomer, reconciliationSheet } from '../output/reconciliation-sheet';
import { matchesSheet } from '../output/matches-sheet';
import { matchedRowLookup } from './matched-rows';
import { CustomerRecord, ParsedWorkbook } from '../model/records';
import { CustomerReport, MatchReport } from '../output/report';
import { Settings } from '../model/settings';
import { CustomerTieOut, customersWithoutStatement, ourBalances, StatementScope, statementScopes, tieOut } from './tie-out';
import { heldAcrossStart, OpeningGap, openingGaps, resolveCrossPeriod } from './cross-period';

/** What the three reconciliations produce for the report, the plan and the credit checks. */
export interface ReconcileResult {
  findings: Finding[];
  matches: MatchReport[];
  customers: CustomerReport[];
  /** Owned sheets (Reconciliation, …) to add to the plan. */
  sheets: OwnedSheet[];
  /** Cash application's allocations and open balances, for the credit checks. Absent from the placeholder era. */
  cash?: CashDetail;
  /** Open invoices, credit notes and unapplied cash (what balances and aging are made of), for the credit checks. */
  openItems?: OpenAmounts;
  /** Cents of sales dated after the as-of date, by customer ordinal. */
  futureSales?: Map<number, number>;
  /**
   * Customers whose statement's opening balance differs from ours (an error 差错, raised as
   * `opening-balance` on their opening row), in Customer ID order.
   */
  openingDifferences: OpeningDifference[];
  /** Likely customers of sales with an unknown or blank Customer ID (`suggested` matches). */
  suggestions: CustomerSuggestion[];
  /** Each statement customer's reconciliation (timing, errors, unexplained), in Customer ID order. */
  tieOuts: CustomerTieOut[];
}

/** Group size and candidate bound of the group passes (DESIGN.md: up to 5 records). */
const GROUP_MAX = 5;
const GROUP_CANDIDATES = 16;

/** The passes' view of the settings. Unreadable tolerance text counts as zero rather than crashing. */
export function matchConfig(settings: Settings): MatchConfig {
  const amountTol = safeDecimal(settings.amountTolerance);
  const roundingTol = safeDecimal(settings.roundingTolerance);
  const equal = Decimal.max(amountTol, roundingTol);
  return {
    equalTolerance: equal,
    equalCents: toleranceCents(equal),
    windowDays: Math.max(0, Math.floor(settings.dateWindowDays)),
    fuzzy: settings.fuzzyMatching,
    groupMax: GROUP_MAX,
    groupCandidates: GROUP_CANDIDATES,
    minNearKeyLength: 4,
  };
}

function safeDecimal(text: string): Decimal {
  try {
    const d = new Decimal(text);
    return d.isFinite() ? d.abs() : new Decimal(0);
  } catch {
    return new Decimal(0);
  }
}

/**
 * Sales ↔ statement and receipts ↔ statement into the reporter. A function of its own so the match items
 * (two per row) are garbage as soon as it returns, before cash application allocates its own.
 */
function matchStatements(
  parsed: ParsedWorkbook, scope: ItemScope, config: MatchConfig, saleKeys: SaleKeyCache, reporter: MatchReporter,
  suggest: Omit<SuggestInput, 'billed' | 'outcome' | 'sales' | 'saleKeys'>,
): CustomerSuggestion[] {
  const sales = saleItems(parsed.sales, scope, saleKeys);
  const billed = statementItems(parsed.statements, 'billed', scope);
  const outcome = runPasses(sales, billed, config);
  const suggestions = suggestCustomers({ ...suggest, sales: parsed.sales, saleKeys, billed, outcome });
  reporter.addOutcome('sales~statement', outcome, sales, billed, new Set(suggestions.map((s) => s.theirs)));
  const receipts = receiptItems(parsed.receipts, scope);
  const paid = statementItems(parsed.statements, 'paid', scope);
  reporter.addOutcome('receipts~statement', runPasses(receipts, paid, config), receipts, paid);
  return suggestions;
}

/**
 * Runs sales ↔ statement, receipts ↔ statement and receipts → sales for every customer, and the
 * tie-out of balances per customer with a statement (DESIGN.md "Matching").
 */
export function reconcile(parsed: ParsedWorkbook, settings: Settings, asOf: Day): ReconcileResult {
  const config = matchConfig(settings);
  const customers = new CustomerOrdinals();
  const customerRecords = new Map<number, CustomerRecord>();
  for (const t of parsed.customers) {
    for (const c of t.records) {
      const id = c.customerId.trim();
      if (id === '') continue;
      const cust = customers.of(id);
      if (!customerRecords.has(cust)) customerRecords.set(cust, c);
    }
  }
  const ranks = sheetRanks([...parsed.sales, ...parsed.receipts, ...parsed.statements].map((t) => t.mapping.sheet));
  const order = (sheet: string, row: number): number => orderOf(ranks.get(sheet) ?? 0, row);

  // Statement customers, their opening, period and closing.
  const scopes = statementScopes(parsed.statements, customers, asOf, order);
  const itemScope: ItemScope = {
    customers,
    ranks,
    invoiceNoLengths: settings.invoiceNoLengths,
    period(cust) {
      const s = scopes.get(cust);
      return s ? { from: s.periodStart ?? Number.NEGATIVE_INFINITY, to: asOf } : null;
    },
  };

  // Our opening and balance per statement customer; where the openings differ, what matches nothing just
  // after the period start is held back: it may have been booked by the other side before the period.
  const ours = ourBalances(parsed.sales, parsed.receipts, customers, scopes, asOf);
  const gaps = openingGaps(scopes, ours);
  const reporter = new MatchReporter(settings.lang, config, heldAcrossStart(gaps, config.windowDays));
  const saleKeys = new SaleKeyCache(parsed.sales);
  const suggestions = scopes.size > 0 ? matchStatements(parsed, itemScope, config, saleKeys, reporter, { customers, customerRecords, asOf, lang: settings.lang }) : [];
  if (reporter.held.length > 0) settleCrossPeriod(parsed, itemScope, gaps, config, saleKeys, reporter, scopes);

  const cash = cashApplication({
    sales: parsed.sales, receipts: parsed.receipts, customers, customerRecords, ranks, asOf, lang: settings.lang,
    windowDays: config.windowDays, groupMax: GROUP_MAX, groupCandidates: GROUP_CANDIDATES, invoiceNoLengths: settings.invoiceNoLengths, saleKeys,
  });

  // Tie-out per statement customer, in Customer ID order.
  const tieOuts: CustomerTieOut[] = [];
  const bySheetRow = (a: { sheet: string; row: number; cell: string }, b: { sheet: string; row: number; cell: string }): number =>
    (a.sheet < b.sheet ? -1 : a.sheet > b.sheet ? 1 : 0) || a.row - b.row || (a.cell < b.cell ? -1 : a.cell > b.cell ? 1 : 0);
  const explained = new Map<number, Decimal>();
  for (const [cust, scope] of scopes) {
    const items = (reporter.openItems.get(cust) ?? []).sort(bySheetRow);
    const across = (reporter.crossPeriod.get(cust) ?? []).sort(bySheetRow);
    const c = tieOut(scope, ours.get(cust) ?? { opening: new Decimal(0), balance: new Decimal(0) }, items, across);
    if (!c.openingExplained.isZero()) explained.set(cust, c.openingExplained);
    tieOuts.push(c);
  }
  tieOuts.sort((a, b) => (a.scope.customerId < b.scope.customerId ? -1 : a.scope.customerId > b.scope.customerId ? 1 : 0));
  const openings = openingDifferences(scopes, ours, settings.lang, explained);
  // Customers with activity and no statement are listed on the Reconciliation sheet as such.
  const without = scopes.size > 0 ? customersWithoutStatement(parsed.sales, parsed.receipts, customers, scopes, asOf) : new Map<number, { periodStart: null }>();
  const withoutBalances = ourBalances(parsed.sales, parsed.receipts, customers, without, asOf);
  const noStatement: NoStatementCustomer[] = [...withoutBalances].map(([cust, b]) => ({
    customerId: customers.ids[cust], name: customerRecords.get(cust)?.customerName ?? '', balance: b.balance,
  }));
  const tieOutFindings: Finding[] = [];
  for (const c of tieOuts) {
    // Errors (差错) have findings of their own; `tie-out` is for what no item explains.
    if (c.unexplained.isZero()) continue;
    const a = c.scope.anchor;
    tieOutFindings.push({
      id: findingId('tie-out', a.sheet, c.scope.customerId, 'balance'),
      code: 'tie-out',
      severity: DEFAULT_SEVERITY['tie-out'],
      sheet: a.sheet,
      cell: a.cell,
      row: a.row,
      message: say(MESSAGES.tieOut, settings.lang, {
        customer: c.scope.customerId, diff: formatMoney(c.difference), ours: formatMoney(c.ourBalance), theirs: formatMoney(c.theirBalance),
        explained: formatMoney(c.explained), unexplained: formatMoney(c.unexplained),
      }),
      expected: c.explained.toFixed(),
      actual: c.difference.toFixed(),
    });
  }

  const matches = reporter.matches.concat(suggestions.map((s) => s.match), cash.matches);
  const sheets: OwnedSheet[] = [];
  if (scopes.size > 0) sheets.push(reconciliationSheet(tieOuts, asOf, settings.lang, customerNames(customerRecords, customers.ids), noStatement));
  if (matches.length > 0) sheets.push(matchesSheet(matches, matchedRowLookup(parsed), settings.lang));

  // concat copies in bulk; spreading a million-element array goes through the iterator protocol.
  const findings = reporter.findings.concat(cash.findings, openings.findings, tieOutFindings);
  disambiguateIds(findings);
  const customerIds = customers.ids.map((_, cust) => cust);
  return {
    findings,
    matches,
    customers: customerReports({
      ids: customers.ids, report: customerIds, customers: customerRecords, open: cash.open, futureSales: cash.futureSales,
      exposureIncludesFutureSales: settings.exposureIncludesFutureSales, agingBuckets: settings.agingBuckets, asOf,
    }),
    sheets,
    cash: cash.detail,
    openItems: cash.open,
    futureSales: cash.futureSales,
    openingDifferences: openings.differences,
    suggestions,
    tieOuts,
  };
}

/**
 * Decides which held records were booked across the period start (cross-period.ts) against both sides'
 * records dated within the window before each such customer's period start, and reports them all.
 */
function settleCrossPeriod(
  parsed: ParsedWorkbook, scope: ItemScope, gaps: ReadonlyMap<number, OpeningGap>, config: MatchConfig, saleKeys: SaleKeyCache,
  reporter: MatchReporter, scopes: ReadonlyMap<number, StatementScope>,
): void {
  const before: ItemScope = {
    ...scope,
    period(cust) {
      const gap = gaps.get(cust);
      return gap ? { from: gap.start - config.windowDays, to: gap.start - 1 } : null;
    },
  };
  const early = [
    ...saleItems(parsed.sales, before, saleKeys), ...receiptItems(parsed.receipts, before),
    ...statementItems(parsed.statements, 'billed', before), ...statementItems(parsed.statements, 'paid', before),
  ];
  const links = resolveCrossPeriod(gaps, reporter.held, early);
  // An opening implied by the first running balance has no row to link to.
  reporter.settleHeld(links, (cust) => {
    const at = scopes.get(cust)?.openingAt;
    return at ? `${at.sheet}!${at.row}` : null;
  });
}

/** Customer names by ID from the customers sheet, for the Reconciliation sheet's headings. */
function customerNames(records: ReadonlyMap<number, CustomerRecord>, ids: readonly string[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const [cust, r] of records) if (r.customerName.trim() !== '') names.set(ids[cust], r.customerName.trim());
  return names;
}

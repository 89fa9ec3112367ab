import { DEFAULT_SEVERITY, Finding, findingId } from '../model/findings';
import { Lang } from '../model/i18n';
import { formatMoney, Money, ZERO } from '../model/money';
import { decimalString } from './match-amounts';
import { MESSAGES, say } from './matching-messages';
import { Anchor, OurBalance, StatementScope } from './tie-out';

/**
 * Opening balances (期初余额): a statement whose balance brought forward differs from ours, by more than
 * records booked across the period start explain (cross-period.ts), is an error in someone's books, not
 * a timing item. It is raised as `opening-balance` on their opening row, and
 * the difference is handed to the Reconciliation sheet as an error (差错) of its own.
 */

/** One customer's opening balances when they differ. */
export interface OpeningDifference {
  cust: number;
  customerId: string;
  /** Our records dated before the statement's period, net. */
  ours: Money;
  /** Their opening balance as the statement gives it (row, or implied by the first running balance). */
  theirs: Money;
  /** ours − theirs. */
  difference: Money;
  /** The part of it records booked across the period start explain (zero when none). */
  explained: Money;
  /** difference − explained: the error, never zero. */
  error: Money;
  /** Their opening row, or (for an implied opening) the cell the customer's tie-out finding goes on. */
  at: Anchor;
  /** Id of the `opening-balance` finding raised on `at`. */
  findingId: string;
}

/**
 * The customers whose opening balances differ by more than records booked across the period start
 * explain (`explained`, by customer ordinal), in Customer ID order, and a finding on each one's opening
 * row. Only statements that carry an opening (a row, or a first running balance implying one) are
 * compared: without one, both sides start from zero by construction.
 */
export function openingDifferences(
  scopes: ReadonlyMap<number, StatementScope>,
  ours: ReadonlyMap<number, OurBalance>,
  lang: Lang,
  explained: ReadonlyMap<number, Money> = new Map(),
): { differences: OpeningDifference[]; findings: Finding[] } {
  const differences: OpeningDifference[] = [];
  const findings: Finding[] = [];
  const sorted = [...scopes.values()].sort((a, b) => (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0));
  for (const scope of sorted) {
    if (!scope.hasOpening) continue;
    const ourOpening = ours.get(scope.cust)?.opening;
    if (!ourOpening) continue;
    const difference = ourOpening.minus(scope.opening);
    const part = explained.get(scope.cust) ?? ZERO;
    const error = difference.minus(part);
    if (error.isZero()) continue;
    const at = scope.openingAt ?? scope.anchor;
    const id = findingId('opening-balance', at.sheet, scope.customerId, 'opening');
    const params = { customer: scope.customerId, ours: formatMoney(ourOpening), theirs: formatMoney(scope.opening), diff: formatMoney(difference) };
    findings.push({
      id, code: 'opening-balance', severity: DEFAULT_SEVERITY['opening-balance'], sheet: at.sheet, cell: at.cell, row: at.row,
      message: part.isZero()
        ? say(MESSAGES.openingBalance, lang, params)
        : say(MESSAGES.openingBalancePart, lang, { ...params, explained: formatMoney(part), rest: formatMoney(error) }),
      expected: decimalString(ourOpening), actual: decimalString(scope.opening),
    });
    differences.push({ cust: scope.cust, customerId: scope.customerId, ours: ourOpening, theirs: scope.opening, difference, explained: part, error, at, findingId: id });
  }
  return { differences, findings };
}

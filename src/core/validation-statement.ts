import { Num, numAdd, numOf, numSub, numWithin, RawNum, ZERO_NUM } from './exact';
import { fieldBit, StatementRow } from './record-rows';
import { StatementLine, Table } from './records';
import { calcTexts, report, RowCheck, RuleContext } from './validation-context';
import { MSG } from './validation-messages';

/** Imported functions used per row, read once: tsx (esbuild) makes each use of an import a getter call. */
const hot = { StatementRow, numAdd, numOf, numSub, numWithin };
const ZERO: Num = ZERO_NUM;
const MONEY_BITS = fieldBit('statement', 'billed') | fieldBit('statement', 'paid') | fieldBit('statement', 'balance');

/** A customer's running balance; null when unknown (after a row whose amounts could not be read). */
type Running = Num | null;

/**
 * `balance-calc`: on a statement, each row's Balance must equal the previous balance plus Billed minus
 * Paid (within the rounding tolerance). Each customer on the sheet has its own running balance, started
 * by its opening-balance row (期初余额) or at zero. After a flagged row the written balance is taken as
 * the new start, so one mistake is reported once, not on every row below it; a row whose amounts could
 * not be read restarts the chain at its own balance without being judged. A blank Balance carries the
 * computed one forward.
 */
export function balanceCheck(table: Table<StatementLine, 'statement'>, ctx: RuleContext): RowCheck<StatementLine> | null {
  if (table.mapping.columns.balance === undefined) return null;
  const tol = ctx.tolerance;
  // Rows of one customer usually come together: keep the current chain in locals, park the others.
  const parked = new Map<string, Running>();
  let current = '';
  let running: Running = ZERO;
  let started = false;
  return (rec) => {
    const key = rec.customerId;
    if (!started || key !== current) {
      if (started) parked.set(current, running);
      running = parked.has(key) ? (parked.get(key) as Running) : ZERO;
      current = key;
      started = true;
    }
    const row = rec instanceof hot.StatementRow ? rec : null;
    const bad = row ? row.unreadable & MONEY_BITS : 0;
    const rb: RawNum | null = row ? row.rawBilled : rec.billed;
    const rp: RawNum | null = row ? row.rawPaid : rec.paid;
    const rbal: RawNum | null = row ? row.rawBalance : rec.balance;
    const balance = rbal === null ? null : hot.numOf(rbal);
    if (rec.isOpening) {
      running = balance ?? (bad === 0 ? hot.numSub(rb === null ? ZERO : hot.numOf(rb), rp === null ? ZERO : hot.numOf(rp)) : null);
      return;
    }
    if (bad !== 0 || running === null) {
      running = balance;
      return;
    }
    let expected: Num = running;
    if (rb !== null) expected = hot.numAdd(expected, hot.numOf(rb));
    if (rp !== null) expected = hot.numSub(expected, hot.numOf(rp));
    if (balance !== null && !hot.numWithin(balance, expected, tol)) {
      report(ctx, 'statement', table, rec, 'balance', 'balance-calc', MSG.balanceCalc,
        ...calcTexts(expected, balance));
    }
    running = balance ?? expected;
  };
}

import {
  addSubScaled, diffWithin, Fx, isFx, Num, numAdd, numOf, numSub, numWithin, RawNum, scaledInt, scaleOf, ZERO_NUM,
} from '../model/exact';
import { fieldBit, StatementRow } from '../model/record-rows';
import { StatementLine, Table } from '../model/records';
import { calcTexts, report, RowCheck, RuleContext } from './validation-context';
import { MSG } from './validation-messages';

/** Imported functions used per row, read once: tsx (esbuild) makes each use of an import a getter call. */
const hot = { StatementRow, numAdd, numOf, numSub, numWithin, isFx, scaleOf, scaledInt, addSubScaled, diffWithin };
const ZERO: Num = ZERO_NUM;
const MONEY_BITS = fieldBit('statement', 'billed') | fieldBit('statement', 'paid') | fieldBit('statement', 'balance');

/** A customer's running balance; null when unknown (after a row whose amounts could not be read). */
type Running = Num | null;

/**
 * One item row on the integer path: the new running balance when the row adds up (or has no balance
 * written), null when it cannot tell (a value off the fast path) or the row is wrong, which the exact
 * path then decides and reports.
 */
function fastStep(run: Fx, rb: RawNum | null, rp: RawNum | null, rbal: RawNum | null, tol: Fx): Fx | null {
  let bn = 0;
  let bs = 0;
  let pn = 0;
  let ps = 0;
  if (rb !== null) {
    if (typeof rb !== 'number' || (bs = hot.scaleOf(rb)) < 0) return null;
    bn = hot.scaledInt(rb, bs);
  }
  if (rp !== null) {
    if (typeof rp !== 'number' || (ps = hot.scaleOf(rp)) < 0) return null;
    pn = hot.scaledInt(rp, ps);
  }
  const expected = hot.addSubScaled(run.n, run.s, bn, bs, pn, ps);
  if (expected === null || rbal === null) return expected;
  let ls: number;
  if (typeof rbal !== 'number' || (ls = hot.scaleOf(rbal)) < 0) return null;
  const ln = hot.scaledInt(rbal, ls);
  return hot.diffWithin(ln, ls, expected.n, expected.s, 0, 0, tol.n, tol.s) === true ? { n: ln, s: ls } : null;
}

/**
 * `balance-calc`: on a statement, each row's Balance must equal the previous balance plus Billed minus
 * Paid (within the rounding tolerance). Each customer on the sheet has its own running balance, started
 * by its opening-balance row (期初余额) or at zero. After a flagged row the written balance is taken as
 * the new start, so one mistake is reported once, not on every row below it; a row whose amounts could
 * not be read restarts the chain at its own balance without being judged. A blank Balance carries the
 * computed one forward. Runs only when Billed, Paid and Balance are all mapped.
 */
export function balanceCheck(table: Table<StatementLine, 'statement'>, ctx: RuleContext): RowCheck<StatementLine> | null {
  // Billed or Paid unmapped would read as zero on every row: hundreds of false alarms from a guess.
  const cols = table.mapping.columns;
  if (cols.balance === undefined || cols.billed === undefined || cols.paid === undefined) return null;
  const tol = ctx.tolerance;
  const tolFx = hot.isFx(tol) ? tol : null;
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
    if (!rec.isOpening && bad === 0 && running !== null && tolFx && hot.isFx(running)) {
      const next = fastStep(running, rb, rp, rbal, tolFx);
      if (next !== null) {
        running = next;
        return;
      }
    }
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

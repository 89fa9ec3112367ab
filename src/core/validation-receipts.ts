import { numOf, rawSign } from './exact';
import { ReceiptRow } from './record-rows';
import { ReceiptRecord, Table } from './records';
import { moneyText, report, RowCheck, RuleContext } from './validation-context';
import { MSG } from './validation-messages';

/** `range`: a receipt's amount must be greater than zero (refunds are not receipts). */
export function receiptCheck(table: Table<ReceiptRecord, 'receipts'>, ctx: RuleContext): RowCheck<ReceiptRecord> {
  return (rec) => {
    const ra = rec instanceof ReceiptRow ? rec.rawAmount : rec.amount;
    if (ra !== null && rawSign(ra) <= 0) {
      report(ctx, 'receipts', table, rec, 'amount', 'range', MSG.receiptNotPositive, {}, { expected: '> 0', actual: moneyText(numOf(ra)) });
    }
  };
}

import { numOf, rawSign } from '../model/exact';
import { ReceiptRow } from '../model/record-rows';
import { ReceiptRecord, Table } from '../model/records';
import { moneyText, report, RowCheck, RuleContext } from './validation-context';
import { MSG } from './validation-messages';

/** Imported functions used per row, read once: tsx (esbuild) makes each use of an import a getter call. */
const hot = { ReceiptRow, rawSign, numOf };
/** `range`: a receipt's amount must be greater than zero (refunds are not receipts). */
export function receiptCheck(table: Table<ReceiptRecord, 'receipts'>, ctx: RuleContext): RowCheck<ReceiptRecord> {
  return (rec) => {
    const ra = rec instanceof hot.ReceiptRow ? rec.rawAmount : rec.amount;
    if (ra !== null && hot.rawSign(ra) <= 0) {
      report(ctx, 'receipts', table, rec, 'amount', 'range', MSG.receiptNotPositive, {}, { expected: '> 0', actual: moneyText(hot.numOf(ra)) });
    }
  };
}

import { columnLetter } from '../model/cells';
import { ParsedWorkbook, ReceiptRecord, SaleRecord, StatementLine } from '../model/records';
import { MatchedRowLookup } from '../output/matches-sheet';
import { lineRaw, receiptAmountRaw, saleGrossRaw } from './match-amounts';

/**
 * Finds the records behind the report's "Sheet!row" names, for the Matches sheet: the cell to link to
 * (Document No, Receipt No, their Reference) and the amount the pair compares (a sale's gross, a
 * receipt's amount, their billed or paid), as read. Rows are indexed per sheet once, by row number, and
 * each sheet's link column spelled once: this runs for every match.
 */
export function matchedRowLookup(parsed: ParsedWorkbook): MatchedRowLookup {
  type Entry =
    | { kind: 'sale'; col: string; byRow: (SaleRecord | undefined)[] }
    | { kind: 'receipt'; col: string; byRow: (ReceiptRecord | undefined)[] }
    | { kind: 'line'; col: string; byRow: (StatementLine | undefined)[] };
  const sheets = new Map<string, Entry>();
  const index = <R extends { row: number }>(records: readonly R[]): (R | undefined)[] => {
    const byRow: (R | undefined)[] = [];
    for (const r of records) byRow[r.row] = r;
    return byRow;
  };
  for (const t of parsed.sales) sheets.set(t.mapping.sheet, { kind: 'sale', col: columnLetter(t.mapping.columns.docNo ?? 0), byRow: index(t.records) });
  for (const t of parsed.receipts) sheets.set(t.mapping.sheet, { kind: 'receipt', col: columnLetter(t.mapping.columns.receiptNo ?? 0), byRow: index(t.records) });
  for (const t of parsed.statements) {
    const c = t.mapping.columns;
    sheets.set(t.mapping.sheet, { kind: 'line', col: columnLetter(c.reference ?? c.billed ?? c.paid ?? 0), byRow: index(t.records) });
  }
  // Each side's refs name one sheet in long runs: the side's last sheet entry is reused while the
  // prefix agrees (ours and theirs alternate, so one shared entry would miss every time).
  const last = { ours: { sheet: '', entry: undefined as Entry | undefined }, theirs: { sheet: '', entry: undefined as Entry | undefined } };
  return (ref, pair, side) => {
    const at = ref.lastIndexOf('!');
    const row = rowNumber(ref, at + 1);
    const seen = last[side];
    let entry: Entry | undefined;
    if (at <= 0) entry = undefined;
    else if (at === seen.sheet.length && ref.startsWith(seen.sheet)) entry = seen.entry;
    else {
      seen.sheet = ref.slice(0, at);
      seen.entry = sheets.get(seen.sheet);
      entry = seen.entry;
    }
    if (!entry || !Number.isInteger(row)) return null;
    switch (entry.kind) {
      case 'sale': {
        const rec = entry.byRow[row];
        if (!rec) return null;
        return { cell: `${entry.col}${row}`, amount: saleGrossRaw(rec) };
      }
      case 'receipt': {
        const rec = entry.byRow[row];
        if (!rec) return null;
        return { cell: `${entry.col}${row}`, amount: receiptAmountRaw(rec) };
      }
      case 'line': {
        const rec = entry.byRow[row];
        if (!rec) return null;
        // Their side of receipts ↔ statement is what they paid; of sales ↔ statement, what they billed.
        const field = pair === 'receipts~statement' && side === 'theirs' ? 'paid' : 'billed';
        return { cell: `${entry.col}${row}`, amount: lineRaw(rec, field) };
      }
    }
  };
}

/** `Number(ref.slice(from))` without the slice when the rest is plain digits (as the report writes rows). */
function rowNumber(ref: string, from: number): number {
  if (from >= ref.length || ref.length - from > 9) return Number(ref.slice(from));
  let n = 0;
  for (let i = from; i < ref.length; i++) {
    const c = ref.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return Number(ref.slice(from));
    n = n * 10 + c;
  }
  return n;
}

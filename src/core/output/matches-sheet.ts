import { RawNum } from '../model/exact';
import { fmt, Lang } from '../model/i18n';
import { Money } from '../model/money';
import { centsToString, decimalString, rawCents, rawDecimal } from '../matching/match-amounts';
import { EXCEL_MAX_ROWS } from './findings-sheet';
import { ColumnSpec, OutCell, OwnedSheet } from './plan';
import { MATCHES_TEXT, ownedSheetName } from './plan-messages';
import { MatchPair, MatchReport } from './report';

/**
 * The Matches sheet: every link the reconciliations made (sales ↔ statement, receipts ↔ statement,
 * cash application's allocations), with its pass, both sides linked to their cells, amounts, the
 * difference, the days between the two dates and the reason. FIFO allocations are marked. Proposals
 * that are no link (unmatched, ambiguous, suggested) are findings, not rows here.
 */

/**
 * One row of ours or theirs as the sheet shows it: the cell to link to and the record's amount as read
 * (a cell's number or a Decimal), so that whole-cent amounts, the usual case, are added as integers.
 */
export interface MatchedRow {
  cell: string;
  amount: RawNum | null;
}

/** Bound on a sum of cents kept as an integer: beyond it a double could round, so decimal.js adds. */
const MAX_SUM_CENTS = 2 ** 52;

/**
 * The exact decimal string of a side's amounts: integer cents when every amount is whole cents (one
 * Decimal per amount would cost more than the rest of the sheet at a million matches), else decimal.js.
 * Both give the same text: a sum of whole cents has at most two decimals, written with exactly two.
 */
function sumText(amounts: readonly RawNum[]): string {
  let cents = 0;
  for (const a of amounts) {
    const c = rawCents(a);
    if (Number.isNaN(c)) return decimalSum(amounts);
    cents += c;
    if (cents > MAX_SUM_CENTS || cents < -MAX_SUM_CENTS) return decimalSum(amounts);
  }
  return centsToString(cents);
}

function decimalSum(amounts: readonly RawNum[]): string {
  let sum: Money = rawDecimal(amounts[0]);
  for (let k = 1; k < amounts.length; k++) sum = sum.plus(rawDecimal(amounts[k]));
  return decimalString(sum);
}

/** Finds a row named "Sheet!row" on the given side of a pair; null when it is not a record the engine read. */
export type MatchedRowLookup = (ref: string, pair: MatchPair, side: 'ours' | 'theirs') => MatchedRow | null;

const NOT_LINKS: ReadonlySet<string> = new Set(['unmatched', 'ambiguous', 'suggested']);

const PAIR_TEXT: Record<MatchPair, keyof typeof MATCHES_TEXT> = {
  'sales~statement': 'pairSalesStatement',
  'receipts~statement': 'pairReceiptsStatement',
  'receipts~sales': 'pairReceiptsSales',
};

const FIFO_FILL = 'FFF2CC';

function splitRef(ref: string): { sheet: string; row: number } | null {
  const at = ref.lastIndexOf('!');
  const row = Number(ref.slice(at + 1));
  return at > 0 && Number.isInteger(row) && row > 0 ? { sheet: ref.slice(0, at), row } : null;
}

/** Whether the ref's text from `from` on is a row number splitRef accepts, read without slicing: plain digits above zero. */
function plainRow(ref: string, from: number): boolean {
  if (from >= ref.length || ref.length - from > 9) return false;
  let n = 0;
  for (let i = from; i < ref.length; i++) {
    const c = ref.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return false;
    n = n * 10 + c;
  }
  return n > 0;
}

/** Builds the sheet from the report's matches, in their order. */
export function matchesSheet(matches: readonly MatchReport[], lookup: MatchedRowLookup, lang: Lang): OwnedSheet {
  const t = (key: keyof typeof MATCHES_TEXT, params: Record<string, string | number> = {}): string => fmt(MATCHES_TEXT[key], lang, params);
  const links = matches.filter((m) => !NOT_LINKS.has(m.status) && !NOT_LINKS.has(m.pass));
  const preamble: OutCell[][] = [[t('title')], [t('intro')]];
  const room = EXCEL_MAX_ROWS - 5;
  const shown = Math.min(links.length, room);
  if (shown < links.length) preamble.push([t('truncated', { shown, total: links.length })]);
  preamble.push([]);

  // Each link keeps its sheet's name: the side's last name is reused while refs name the same sheet, so
  // a million links share one "Sales" instead of keeping a million copies of it.
  const lastSheet = { ours: '', theirs: '' };
  const sheetOf = (ref: string, which: 'ours' | 'theirs'): string | null => {
    const at = ref.lastIndexOf('!');
    const known = lastSheet[which];
    if (at === known.length && at > 0 && ref.startsWith(known) && plainRow(ref, at + 1)) return known;
    const split = splitRef(ref);
    if (split) lastSheet[which] = split.sheet;
    return split ? split.sheet : null;
  };

  /** The side's cell: a link to its first row ("Sales!12 +2" for a group) and the sum of its amounts. */
  const side = (m: MatchReport, which: 'ours' | 'theirs'): [OutCell, OutCell] => {
    const refs = m[which];
    if (refs.length === 0) return [null, null];
    const amounts: RawNum[] = [];
    let known = true;
    let first: { sheet: string; cell: string } | null = null;
    for (const ref of refs) {
      const found = lookup(ref, m.pair, which);
      if (!first && found) {
        const sheet = sheetOf(ref, which);
        if (sheet !== null) first = { sheet, cell: found.cell };
      }
      if (found && found.amount !== null) amounts.push(found.amount);
      else known = false;
    }
    const text = refs.length === 1 ? refs[0] : t('more', { first: refs[0], more: refs.length - 1, count: refs.length });
    return [first ? { link: { text, sheet: first.sheet, cell: first.cell } } : text, known ? { money: sumText(amounts) } : null];
  };

  // Texts every row repeats, formatted once rather than once per row.
  const pairText: Record<MatchPair, string> = {
    'sales~statement': t(PAIR_TEXT['sales~statement']),
    'receipts~statement': t(PAIR_TEXT['receipts~statement']),
    'receipts~sales': t(PAIR_TEXT['receipts~sales']),
  };
  const fifoMark = t('fifoMark');
  const rows: OutCell[][] = new Array(shown);
  for (let i = 0; i < shown; i++) {
    const m = links[i];
    const fifo = m.pass === 'fifo' || m.status === 'fifo';
    const [ours, ourAmount] = side(m, 'ours');
    const [theirs, theirAmount] = side(m, 'theirs');
    rows[i] = [
      i + 1,
      pairText[m.pair],
      m.pass,
      m.status,
      ours,
      ourAmount,
      theirs,
      theirAmount,
      { money: m.difference },
      m.days ?? null,
      fifo ? { value: fifoMark, style: { bold: true, fill: FIFO_FILL } } : null,
      m.reason,
    ];
  }
  const columns: ColumnSpec[] = [
    { header: t('index'), format: 'int', width: 7 },
    { header: t('pair'), width: 18 },
    { header: t('pass'), width: 20 },
    { header: t('status'), width: 12 },
    { header: t('ours'), width: 16 },
    { header: t('ourAmount'), format: 'money', width: 14 },
    { header: t('theirs'), width: 16 },
    { header: t('theirAmount'), format: 'money', width: 14 },
    { header: t('difference'), format: 'money', width: 12 },
    { header: t('days'), format: 'int', width: 9 },
    { header: t('fifo'), width: 8 },
    { header: t('reason'), width: 60, wrap: true },
  ];
  const headerRow = preamble.length + 1;
  return {
    key: 'matches',
    name: ownedSheetName('matches', lang),
    preamble,
    columns,
    rows,
    page: { paper: 'A4', orientation: 'landscape', fitToWidth: true, printTitleRows: { first: headerRow, last: headerRow } },
  };
}

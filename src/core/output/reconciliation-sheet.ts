import { Day, dayToISO } from '../model/dates';
import { fmt, Lang } from '../model/i18n';
import { centsToString, decimalString } from '../matching/match-amounts';
import { formatMoney, Money, ZERO } from '../model/money';
import { CellStyle, OutCell, OutValue, OwnedSheet } from './plan';
import { ownedSheetName, RECON_TEXT } from './plan-messages';
import { classOf, Corrector, correctorOf, CustomerTieOut, effectOf, OpenItem, OpenItemKind } from '../matching/tie-out';

/**
 * The Reconciliation sheet (余额调节表, FORMS.md): one two-sided block per customer with activity.
 * Our receivable balance plus what only they booked meets their balance plus what only we booked in
 * one adjusted balance; each adjusting line lists its items with a link to the cell; errors (差错) are
 * listed apart with who must correct them; totals are formulas (with their values cached); a customer
 * is 相符 / Agreed only when no error is open and nothing is unexplained; prepared-by and reviewed-by
 * lines close each block. Customers with activity and no statement are listed as such.
 */

/** A customer with sales or receipts but no statement. */
export interface NoStatementCustomer {
  customerId: string;
  name: string;
  balance: Money;
}

/** Columns A–G: our side A–C, a narrow gutter D, their side E–G. */
const COLUMNS = [
  { header: 'A', width: 11, format: 'date' as const },
  { header: 'B', width: 30, format: 'text' as const, wrap: true },
  { header: 'C', width: 15, format: 'money' as const },
  { header: 'D', width: 2, format: 'text' as const },
  { header: 'E', width: 11, format: 'date' as const },
  { header: 'F', width: 30, format: 'text' as const, wrap: true },
  { header: 'G', width: 15, format: 'money' as const },
];

const SIDE_FILL = 'DDEBF7';
const AGREED_FILL = 'C6EFCE';
const NOT_AGREED_FILL = 'FFC7CE';

const ERROR_LABEL: Partial<Record<OpenItemKind, keyof typeof RECON_TEXT>> = {
  'amount-diff-billed': 'amountDiffBilled',
  'amount-diff-paid': 'amountDiffPaid',
  duplicate: 'duplicate',
  'ambiguous-ours': 'ambiguousOurs',
  'ambiguous-theirs': 'ambiguousTheirs',
};

const WHO: Record<Corrector, keyof typeof RECON_TEXT> = { them: 'whoThem', us: 'whoUs', both: 'whoBoth' };

function money(m: Money): OutValue {
  return { money: decimalString(m) };
}

function styled(value: OutValue, style: CellStyle): OutCell {
  return { value, style };
}

/**
 * An item's effect (or its opposite) as a money cell: from its whole cents when it has them, the same
 * text decimal.js would give (a whole-cent amount is written with two decimals), without a Decimal per
 * item — a statement of a million lines leaves tens of thousands of open items.
 */
function effectMoney(item: OpenItem, negate: boolean): OutValue {
  if (item.effectDecimal === null && item.effectCents !== null) return { money: centsToString(negate ? -item.effectCents : item.effectCents) };
  const effect = effectOf(item);
  return money(negate ? effect.negated() : effect);
}

/** The amount an item adds on its side of the table (positive for an ordinary invoice or receipt). */
function sideAmount(item: OpenItem): OutValue {
  const cls = classOf(item.kind);
  // Effects are on (ours − theirs); see tieOut for the signs of a, b, c, d.
  return effectMoney(item, !(cls === 'ours-add' || cls === 'theirs-less'));
}

function itemCells(item: OpenItem | undefined): OutCell[] {
  if (!item) return [null, null, null];
  return [
    item.date !== null ? { date: item.date } : null,
    { link: { text: item.reference || `${item.sheet}!${item.cell}`, sheet: item.sheet, cell: item.cell } },
    sideAmount(item),
  ];
}

/** Builds the sheet; customers in the given order (the caller sorts them by Customer ID). */
export function reconciliationSheet(
  tieOuts: readonly CustomerTieOut[],
  asOf: Day,
  lang: Lang,
  names: ReadonlyMap<string, string> = new Map(),
  noStatement: readonly NoStatementCustomer[] = [],
): OwnedSheet {
  const t = (key: keyof typeof RECON_TEXT, params: Record<string, string | number> = {}): string => fmt(RECON_TEXT[key], lang, params);
  const rows: OutCell[][] = [];
  const merges: string[] = [];
  /** Sheet row (1-based) the next pushed row lands on: no preamble, no header row. */
  const next = (): number => rows.length + 1;
  const push = (cells: OutCell[]): number => {
    rows.push(cells);
    return rows.length;
  };
  const merge = (from: string, to: string, row: number): void => {
    merges.push(`${from}${row}:${to}${row}`);
  };

  merge('A', 'G', push([styled(t('title'), { bold: true, size: 14, align: 'center' })]));
  merge('A', 'G', push([styled(t('asOf', { date: dayToISO(asOf) }), { italic: true, align: 'center' })]));
  push([]);

  const blocks: { id: string; render: () => void }[] = [
    ...tieOuts.map((c) => ({ id: c.scope.customerId, render: () => customerBlock(c) })),
    ...noStatement.map((n) => ({ id: n.customerId, render: () => noStatementBlock(n) })),
  ];
  blocks.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const b of blocks) b.render();

  function heading(id: string): void {
    const name = names.get(id) ?? '';
    merge('A', 'G', push([styled(t('customer', { name: name || id, id }), { bold: true, size: 12, border: 'bottom' })]));
  }

  function customerBlock(c: CustomerTieOut): void {
    const id = c.scope.customerId;
    heading(id);
    const from = c.scope.periodFrom;
    const to = c.scope.closingDate;
    const r = push([
      t('period', { from: from !== null ? dayToISO(from) : '…', to: to !== null ? dayToISO(to) : '…' }), null, null, null,
      t('closingDate', { date: to !== null ? dayToISO(to) : '…' }), null, styled(t('unit'), { align: 'right' }),
    ]);
    merge('A', 'C', r);
    merge('E', 'F', r);
    const head: CellStyle = { bold: true, fill: SIDE_FILL, border: 'box', align: 'center' };
    const hr = push([styled(t('oursHeader'), head), styled(null, head), styled(null, head), null, styled(t('theirsHeader'), head), styled(null, head), styled(null, head)]);
    merge('A', 'C', hr);
    merge('E', 'G', hr);

    const balanceRow = push([
      styled(t('ourBalance'), { bold: true }), null, styled(money(c.ourBalance), { bold: true }), null,
      styled(t('theirBalance'), { bold: true }), null, styled(money(c.theirBalance), { bold: true }),
    ]);
    merge('A', 'B', balanceRow);
    merge('E', 'F', balanceRow);

    const byClass = (cls: ReturnType<typeof classOf>): OpenItem[] => c.items.filter((i) => classOf(i.kind) === cls);
    /** An adjusting line on each side with its items below it; returns the rows of the two totals. */
    const adjusting = (oursLabel: keyof typeof RECON_TEXT, ours: OpenItem[], oursTotal: Money, theirsLabel: keyof typeof RECON_TEXT, theirs: OpenItem[], theirsTotal: Money): number => {
      const totalRow = next();
      const first = totalRow + 1;
      const n = Math.max(ours.length, theirs.length);
      const total = (col: 'C' | 'G', count: number, value: Money): OutCell =>
        count === 0 ? money(ZERO) : { formula: `SUM(${col}${first}:${col}${first + count - 1})`, format: 'money', result: decimalString(value) };
      const row = push([t(oursLabel), null, total('C', ours.length, oursTotal), null, t(theirsLabel), null, total('G', theirs.length, theirsTotal)]);
      merge('A', 'B', row);
      merge('E', 'F', row);
      for (let k = 0; k < n; k++) push([...itemCells(ours[k]), null, ...itemCells(theirs[k])]);
      return totalRow;
    };
    // Our side is adjusted by what only they booked (d, c); theirs by what only we booked (a, b).
    const addRow = adjusting('addTheirs', byClass('theirs-add'), c.adjustments.d, 'addOurs', byClass('ours-add'), c.adjustments.a);
    const lessRow = adjusting('lessTheirs', byClass('theirs-less'), c.adjustments.c, 'lessOurs', byClass('ours-less'), c.adjustments.b);

    const total: CellStyle = { bold: true, border: 'double-bottom' };
    const adjustedRow = push([
      styled(t('adjusted'), total), styled(null, total),
      styled({ formula: `C${balanceRow}+C${addRow}-C${lessRow}`, format: 'money', result: decimalString(c.ourAdjusted) }, total), null,
      styled(t('adjusted'), total), styled(null, total),
      styled({ formula: `G${balanceRow}+G${addRow}-G${lessRow}`, format: 'money', result: decimalString(c.theirAdjusted) }, total),
    ]);
    merge('A', 'B', adjustedRow);
    merge('E', 'F', adjustedRow);
    const statusFill = c.tied ? AGREED_FILL : NOT_AGREED_FILL;
    const diffRow = push([
      t('adjustedDiff'), null, { formula: `C${adjustedRow}-G${adjustedRow}`, format: 'money', result: decimalString(c.ourAdjusted.minus(c.theirAdjusted)) }, null,
      styled(t('status'), { bold: true }), null, styled(t(c.tied ? 'agreed' : 'notAgreed'), { bold: true, fill: statusFill, align: 'center', border: 'box' }),
    ]);
    merge('A', 'B', diffRow);
    merge('E', 'F', diffRow);

    errorsSection(c, diffRow);
    signOff();
  }

  /** Errors apart from timing items; their total (with what is unexplained) equals the adjusted difference. */
  function errorsSection(c: CustomerTieOut, diffRow: number): void {
    merge('A', 'G', push([styled(t('errorsTitle'), { bold: true })]));
    const head: CellStyle = { bold: true, border: 'bottom' };
    const hr = push([styled(t('errorDate'), head), styled(t('errorItem'), head), styled(t('errorAmount'), head), null, styled(t('errorWho'), head), styled(null, head), styled(null, head)]);
    merge('E', 'G', hr);
    const first = next();
    const errorRow = (date: OutValue, item: OutValue, amount: OutValue, who: Corrector): void => {
      const r = push([date, item, amount, null, t(WHO[who]), null, null]);
      merge('E', 'G', r);
    };
    if (!c.openingError.isZero()) {
      const at = c.scope.openingAt ?? c.scope.anchor;
      const params = { ours: formatMoney(c.ourOpening), theirs: formatMoney(c.scope.opening) };
      const text = c.openingExplained.isZero() ? t('opening', params) : t('openingPart', { ...params, explained: formatMoney(c.openingExplained) });
      errorRow(c.scope.periodFrom !== null ? { date: c.scope.periodFrom } : null, { link: { text, sheet: at.sheet, cell: at.cell } }, money(c.openingError), 'both');
    }
    for (const item of c.items) {
      const label = ERROR_LABEL[item.kind];
      if (!label) continue;
      const text = t(label, { ref: item.reference || `${item.sheet}!${item.cell}` });
      errorRow(item.date !== null ? { date: item.date } : null, { link: { text, sheet: item.sheet, cell: item.cell } }, effectMoney(item, false), correctorOf(item.kind));
    }
    if (!c.unexplained.isZero()) {
      const a = c.scope.anchor;
      errorRow(null, { link: { text: t('unexplained'), sheet: a.sheet, cell: a.cell } }, money(c.unexplained), 'both');
    }
    const last = next() - 1;
    if (last < first) {
      const r = push([null, t('errorsNone'), money(ZERO), null, null, null, null]);
      merge('E', 'G', r);
    }
    const sum = c.errors.plus(c.unexplained);
    const totalStyle: CellStyle = { bold: true, border: 'top' };
    const totalRow = next();
    push([
      styled(null, totalStyle), styled(t('errorsTotal'), totalStyle),
      styled(last < first ? money(ZERO) : { formula: `SUM(C${first}:C${last})`, format: 'money', result: decimalString(sum) }, totalStyle), null,
      // The check a reviewer makes: errors and unexplained account for the adjusted difference.
      styled({ formula: `IF(C${totalRow}=C${diffRow},"✓","≠")`, result: sum.eq(c.ourAdjusted.minus(c.theirAdjusted)) ? '✓' : '≠' }, { align: 'center' }), null, null,
    ]);
    crossPeriodSection(c);
  }

  /**
   * Records booked across the period start: in our period and their opening (or the other way round).
   * Both closing balances hold them, so they adjust nothing; listed for the reviewer because they account
   * for (part of) the opening difference.
   */
  function crossPeriodSection(c: CustomerTieOut): void {
    if (c.crossPeriod.length === 0) return;
    merge('A', 'G', push([styled(t('crossPeriodTitle'), { bold: true })]));
    const head: CellStyle = { bold: true, border: 'bottom' };
    const hr = push([styled(t('errorDate'), head), styled(t('errorItem'), head), styled(t('crossPeriodAmount'), head), null, styled(null, head), styled(null, head), styled(null, head)]);
    merge('E', 'G', hr);
    for (const item of c.crossPeriod) {
      const ourRecord = item.kind === 'unmatched-sale' || item.kind === 'unmatched-receipt';
      const r = push([
        item.date !== null ? { date: item.date } : null,
        { link: { text: item.reference || `${item.sheet}!${item.cell}`, sheet: item.sheet, cell: item.cell } },
        effectMoney(item, true), null, t(ourRecord ? 'inTheirOpening' : 'inOurOpening'), null, null,
      ]);
      merge('E', 'G', r);
    }
  }

  function signOff(): void {
    push([]);
    const line: CellStyle = { border: 'bottom' };
    push([t('preparedBy'), styled(null, line), null, null, t('reviewedBy'), styled(null, line), null]);
    push([t('signDate'), styled(null, line), null, null, t('signDate'), styled(null, line), null]);
    push([]);
    push([]);
  }

  function noStatementBlock(n: NoStatementCustomer): void {
    heading(n.customerId);
    const r = push([
      styled(t('ourBalance'), { bold: true }), null, styled(money(n.balance), { bold: true }), null,
      styled(t('status'), { bold: true }), null, styled(t('noStatement'), { bold: true, fill: NOT_AGREED_FILL, align: 'center', border: 'box' }),
    ]);
    merge('A', 'B', r);
    merge('E', 'F', r);
    push([]);
    push([]);
  }

  return {
    key: 'reconciliation',
    name: ownedSheetName('reconciliation', lang),
    headerRow: false,
    columns: COLUMNS.map((c) => ({ ...c })),
    rows,
    merges,
    freezeRows: 1,
    page: {
      paper: 'A4',
      orientation: 'portrait',
      fitToWidth: true,
      printTitleRows: { first: 1, last: 1 },
      footer: { left: fmt(RECON_TEXT.asOf, lang, { date: dayToISO(asOf) }), center: fmt(RECON_TEXT.footerCenter, lang), right: '&F' },
    },
  };
}

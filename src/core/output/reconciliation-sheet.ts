import { Day, dayToISO } from '../model/dates';
import { Severity } from '../model/findings';
import { Lang } from '../model/i18n';
import { centsToString, decimalString } from '../matching/match-amounts';
import { say, SHEET_TEXT } from '../matching/matching-messages';
import { Money } from '../model/money';
import { OutCell, OwnedSheet } from './plan';
import { ownedSheetName } from './plan-messages';
import { CustomerTieOut, OpenItem, OpenItemKind } from '../matching/tie-out';

/**
 * The Reconciliation sheet (余额调节表): for each customer with a statement, our balance, theirs, the
 * difference, every open item explaining it with a link to its cell, the explained total, what is left
 * unexplained and whether the customer ties out.
 */

const ITEM_LABEL: Record<OpenItemKind, keyof typeof SHEET_TEXT> = {
  'unmatched-sale': 'itemUnmatchedSale',
  'unmatched-receipt': 'itemUnmatchedReceipt',
  'unmatched-billed': 'itemUnmatchedBilled',
  'unmatched-paid': 'itemUnmatchedPaid',
  'amount-diff-billed': 'itemAmountDiffBilled',
  'amount-diff-paid': 'itemAmountDiffPaid',
  duplicate: 'itemDuplicate',
  'ambiguous-ours': 'itemAmbiguousOurs',
  'ambiguous-theirs': 'itemAmbiguousTheirs',
};

function money(m: Money): OutCell {
  return { money: decimalString(m) };
}

function effectCell(item: OpenItem): OutCell {
  return { money: item.effectDecimal ? decimalString(item.effectDecimal) : centsToString(item.effectCents ?? 0) };
}

/** Builds the sheet; customers in the given order (the caller sorts them by Customer ID). */
export function reconciliationSheet(tieOuts: readonly CustomerTieOut[], asOf: Day, lang: Lang): OwnedSheet {
  const t = (key: keyof typeof SHEET_TEXT, params: Record<string, string> = {}): string => say(SHEET_TEXT[key], lang, params);
  const rows: OutCell[][] = [];
  const rowSeverity: (Severity | null)[] = [];
  const push = (row: OutCell[], severity: Severity | null = null): void => {
    rows.push(row);
    rowSeverity.push(severity);
  };
  for (const c of tieOuts) {
    const id = c.scope.customerId;
    const anchor = c.scope.anchor;
    push([id, t('ourBalance'), { date: asOf }, null, null, money(c.ourBalance), null]);
    push([id, t('theirBalance'), { date: asOf }, null, { link: { text: `${anchor.sheet}!${anchor.cell}`, sheet: anchor.sheet, cell: anchor.cell } }, money(c.theirBalance), null]);
    push([id, t('difference'), null, null, null, money(c.difference), null]);
    const openingDiff = c.ourOpening.minus(c.scope.opening);
    if (!openingDiff.isZero()) {
      const at = c.scope.openingAt;
      push([
        id,
        t('itemOpening', { ours: decimalString(c.ourOpening), theirs: decimalString(c.scope.opening) }),
        c.scope.periodStart !== null ? { date: c.scope.periodStart } : null,
        null,
        at ? { link: { text: `${at.sheet}!${at.cell}`, sheet: at.sheet, cell: at.cell } } : null,
        money(openingDiff),
        null,
      ]);
    }
    for (const item of c.items) {
      push([
        id,
        t(ITEM_LABEL[item.kind]),
        item.date !== null ? { date: item.date } : null,
        item.reference,
        { link: { text: `${item.sheet}!${item.cell}`, sheet: item.sheet, cell: item.cell } },
        effectCell(item),
        null,
      ]);
    }
    push([id, t('explained'), null, null, null, money(c.explained), null]);
    push([id, t('unexplained'), null, null, null, money(c.unexplained), t(c.tied ? 'tiedOut' : 'notTiedOut')], c.tied ? null : 'error');
  }
  return {
    key: 'reconciliation',
    name: ownedSheetName('reconciliation', lang),
    preamble: [[t('title')], [t('asOf', { date: dayToISO(asOf) })]],
    columns: [
      { header: t('colCustomer'), format: 'text', width: 14 },
      { header: t('colItem'), format: 'text', width: 40 },
      { header: t('colDate'), format: 'date', width: 12 },
      { header: t('colReference'), format: 'text', width: 20 },
      { header: t('colCell'), format: 'text', width: 18 },
      { header: t('colAmount'), format: 'money', width: 16 },
      { header: t('colStatus'), format: 'text', width: 14 },
    ],
    rows,
    rowSeverity,
  };
}

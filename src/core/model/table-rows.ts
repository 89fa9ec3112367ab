import { CellValue } from './cells';

/**
 * Rows inside or under a table that are not records: totals and subtotals (合计, 小计, 总计, Total,
 * Subtotal) and the blocks printed under a statement (甲方 / 乙方 details, bank account, signature and
 * stamp lines, "Prepared by").
 */

const TOTALS = /^(?:合计|小计|总计|累计|本页合计|本页小计|本月合计|本期合计|本年累计|本期发生额合计|共计|总合计|grandtotal|subtotal|subtotals|total|totals|sum|pagetotal|totalforperiod)(?:[:：(（].{0,40}|for.{0,40}|\d.{0,30}|[a-z]\d.{0,30})?$/i;

const TAIL = /^(?:甲方|乙方|签字|签章|盖章|签名|经办人|审核人?|复核人?|制表人?|制单人?|对账人|确认人?|开户行|开户银行|银行账号|账号|地址|电话|传真|单位名称|公司盖章|财务盖章|财务专用章|signature|signed|sign|authori[sz]ed|preparedby|approvedby|checkedby|reviewedby|confirmedby|companystamp|stamp|bankaccount|accountname|bankname)(?:$|[:：(（])/i;

/**
 * Longer than any totals or tail label could be, even padded with spaces (they are at most 60 and 80
 * characters without them): such a text is not normalised at all, as it is tried on every sampled row.
 */
const MAX_LABEL_TEXT = 1000;

function compact(v: CellValue | undefined): string {
  return typeof v === 'string' && v.length <= MAX_LABEL_TEXT ? v.normalize('NFKC').replace(/\s+/g, '') : '';
}

/** True when the text names a totals or subtotal row ("合计", "小 计：", "Total", "Subtotal C001"). */
export function isTotalsText(v: CellValue | undefined): boolean {
  const s = compact(v);
  return s !== '' && s.length <= 60 && TOTALS.test(s);
}

/** True when the text opens a block under the table (甲方：…, 乙方, 签字盖章, Prepared by…). */
export function isTailText(v: CellValue | undefined): boolean {
  const s = compact(v);
  return s !== '' && s.length <= 80 && TAIL.test(s);
}

/** True when one of the row's cells names a totals row. */
export function rowHasTotalsText(cells: readonly CellValue[] | undefined): boolean {
  if (!cells) return false;
  for (const v of cells) if (typeof v === 'string' && isTotalsText(v)) return true;
  return false;
}

/** True when one of the row's cells opens a block under the table. */
export function rowHasTailText(cells: readonly CellValue[] | undefined): boolean {
  if (!cells) return false;
  for (const v of cells) if (typeof v === 'string' && isTailText(v)) return true;
  return false;
}

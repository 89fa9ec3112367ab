import { Bilingual, Lang } from '../model/i18n';

/**
 * Every user-visible text of the reconciliation engine in English and Chinese: the reasons of matches
 * in the JSON report, finding messages, and the Reconciliation sheet (余额调节表).
 */

/** Plain-language reasons of matches (`MatchReport.reason`). */
export const REASONS = {
  exactReference: { en: 'Same reference and same amount', zh: '单据号相同，金额一致' },
  exactReferenceRounding: {
    en: 'Same reference {ref}; amounts differ by {diff}, within the tolerance',
    zh: '单据号 {ref} 相同；金额相差 {diff}，在容差范围内',
  },
  referenceGroup: {
    en: '{count} records share reference {ref} and together equal the other side',
    zh: '{count} 笔记录单据号同为 {ref}，合计与对方一致',
  },
  referenceAmountDiff: { en: 'Same reference {ref}, but the amounts differ by {diff}', zh: '单据号 {ref} 相同，但金额相差 {diff}' },
  duplicateEntry: {
    en: 'Their statement lists reference {ref} for {amount} a second time (first at {where})',
    zh: '对方对账单重复列示单据号 {ref}、金额 {amount}（首次见 {where}）',
  },
  amountDate: {
    en: 'No usable reference; the only record of {amount} within {days} days',
    zh: '无可用单据号；{days} 天内唯一一笔金额 {amount} 的记录',
  },
  amountDateRounding: {
    en: 'No usable reference; the only record of about {amount} within {days} days (differs by {diff})',
    zh: '无可用单据号；{days} 天内唯一一笔约 {amount} 的记录（相差 {diff}）',
  },
  crossPeriodTheirs: {
    en: 'Booked across the period start: they booked {amount} on {theirs}, before the period (in their opening balance), we on {ours}',
    zh: '跨期入账：对方于 {theirs}（期初前，已含在对方期初余额中）入账 {amount}，我方于 {ours} 入账',
  },
  crossPeriodOurs: {
    en: 'Booked across the period start: we booked {amount} on {ours}, before the period (in our opening balance), they on {theirs}',
    zh: '跨期入账：我方于 {ours}（期初前，已含在我方期初余额中）入账 {amount}，对方于 {theirs} 入账',
  },
  crossPeriodInTheirOpening: {
    en: 'Not in their period; the only record(s) within {days} days of the period start whose amount explains the opening difference: {amount} booked by them before the period, in their opening balance',
    zh: '对方本期未列示；为期初后 {days} 天内唯一能解释期初余额差异的记录：对方已于期初前入账 {amount}，含在对方期初余额中',
  },
  crossPeriodInOurOpening: {
    en: 'Not in our period; the only record(s) within {days} days of the period start whose amount explains the opening difference: {amount} booked by us before the period, in our opening balance',
    zh: '我方本期未列示；为期初后 {days} 天内唯一能解释期初余额差异的记录：我方已于期初前入账 {amount}，含在我方期初余额中',
  },
  ambiguous: {
    en: '{count} records of {amount} are equally good counterparts: not matched, never guessed',
    zh: '{count} 笔金额 {amount} 的记录同样匹配：未自动配对，请人工确认',
  },
  nearReference: {
    en: 'References {ours} and {theirs} differ by one typo or swapped pair; amounts agree',
    zh: '单据号 {ours} 与 {theirs} 仅差一个字符或相邻颠倒；金额一致',
  },
  groupOursToTheirs: {
    en: 'One record of ours equals {count} records on their statement within {days} days',
    zh: '我方一笔记录等于对方 {days} 天内 {count} 笔记录之和',
  },
  groupTheirsToOurs: {
    en: '{count} records of ours together equal one line of their statement within {days} days',
    zh: '我方 {count} 笔记录之和等于对方 {days} 天内的一笔记录',
  },
  namedGroup: {
    en: 'One line named {ref} stands for {count} records that together equal it within {days} days',
    zh: '一笔单据号为 {ref} 的记录对应 {days} 天内合计相等的 {count} 笔记录',
  },
  windowAmountDiffBlank: {
    en: 'No reference; the only record of a close amount within {days} days, but the amounts differ by {diff}',
    zh: '无单据号；{days} 天内唯一一笔金额相近的记录，但金额相差 {diff}',
  },
  windowAmountDiffNear: {
    en: 'References {ours} and {theirs} differ by one typo, the only such record within {days} days; the amounts differ by {diff}',
    zh: '单据号 {ours} 与 {theirs} 仅差一个字符，为 {days} 天内唯一一笔；金额相差 {diff}',
  },
  suggestedCustomer: {
    en: 'Customer ID unknown or blank; likely customer {customer}: their statement line {where} has this invoice number and amount',
    zh: '客户编号未知或为空；可能的客户为 {customer}：其对账单 {where} 有相同发票号和金额',
  },
  unmatchedOurs: { en: 'In our records, not on their statement', zh: '我方有记录，对方对账单上没有' },
  unmatchedTheirs: { en: 'On their statement, not in our records', zh: '对方对账单上有，我方没有记录' },
  cashReference: { en: 'The receipt names {refs}', zh: '收款摘要写明 {refs}' },
  cashExact: { en: 'The receipt equals the open amount of one invoice', zh: '收款金额等于一张发票的未收金额' },
  cashGroup: { en: 'The receipt equals the open amounts of {count} invoices together', zh: '收款金额等于 {count} 张发票未收金额之和' },
  cashFifo: { en: 'Applied to the oldest open invoices first (FIFO)', zh: '按先进先出冲销最早的未收发票' },
  cashUnapplied: { en: '{amount} of the receipt is left unapplied', zh: '收款中 {amount} 未冲销任何发票' },
} satisfies Record<string, Bilingual>;

/** Finding messages, one per case. */
export const MESSAGES = {
  unmatchedSale: {
    en: 'Sale {doc} ({amount}) is not on the customer\'s statement',
    zh: '销售单据 {doc}（{amount}）不在客户对账单上',
  },
  unmatchedReceipt: {
    en: 'Receipt {doc} ({amount}) is not on the customer\'s statement',
    zh: '收款 {doc}（{amount}）不在客户对账单上',
  },
  unmatchedBilled: {
    en: 'Statement line {ref} billed {amount}: no such sale in our records',
    zh: '对账单 {ref} 应收 {amount}：我方无对应销售记录',
  },
  unmatchedPaid: {
    en: 'Statement line {ref} paid {amount}: no such receipt in our records',
    zh: '对账单 {ref} 已付 {amount}：我方无对应收款记录',
  },
  amountDiffTheirs: {
    en: 'Amount {theirs} differs from our records ({ours}, {where}) by {diff}',
    zh: '金额 {theirs} 与我方记录（{ours}，{where}）相差 {diff}',
  },
  dateDiffOurs: {
    en: 'Dated {ours} here and {theirs} on their statement ({where})',
    zh: '我方日期 {ours}，对方对账单（{where}）为 {theirs}',
  },
  dateDiffTheirs: {
    en: 'Dated {theirs} here and {ours} in our records ({where})',
    zh: '对方日期 {theirs}，我方记录（{where}）为 {ours}',
  },
  duplicateEntry: {
    en: 'Their statement lists {ref} ({amount}) twice: see {where}',
    zh: '对方对账单重复列示 {ref}（{amount}）：另见 {where}',
  },
  ambiguousGroupOne: {
    en: 'Equals {where} together ({amount}), as another record of {amount} does: which is which is a guess, match it by hand',
    zh: '与 {where} 合计 {amount} 相等，另有一笔同额记录同样相符：无法确定，请人工核对',
  },
  ambiguousGroupPart: {
    en: 'Part of a group of {amount} equal to {where} and to another record of that amount: which is which is a guess, match it by hand',
    zh: '与同组记录合计 {amount}，等于 {where}，也等于另一笔同额记录：无法确定，请人工核对',
  },
  ambiguous: {
    en: '{count} equally good counterparts of {amount} ({where}): match it by hand',
    zh: '金额 {amount} 有 {count} 个同样匹配的对应项（{where}）：请人工核对',
  },
  unappliedReceipt: {
    en: '{amount} of receipt {doc} is not applied to any invoice',
    zh: '收款 {doc} 中有 {amount} 未冲销任何发票',
  },
  partialPayment: {
    en: 'Invoice {doc} is paid in part: {paid} of {gross}, {open} open',
    zh: '单据 {doc} 部分收款：已收 {paid}／{gross}，未收 {open}',
  },
  openingBalance: {
    en: 'Customer {customer}: their opening balance is {theirs}, ours {ours}; ours − theirs = {diff}',
    zh: '客户 {customer}：对方期初余额 {theirs}，我方期初余额 {ours}，差额（我方 − 对方）{diff}',
  },
  openingBalancePart: {
    en: 'Customer {customer}: their opening balance is {theirs}, ours {ours}; ours − theirs = {diff}, of which {explained} was booked across the period start (see Matches, pass cross-period); {rest} remains',
    zh: '客户 {customer}：对方期初余额 {theirs}，我方期初余额 {ours}，差额（我方 − 对方）{diff}，其中 {explained} 为跨期入账（见匹配明细，cross-period）；尚余 {rest}',
  },
  likelyCustomer: {
    en: 'Likely customer: {customer} ({name}); their statement line {where} has this invoice number and amount.',
    zh: '可能的客户：{customer}（{name}），其对账单 {where} 有相同发票号和金额。',
  },
  tieOut: {
    en: 'Customer {customer}: balances differ by {diff} (ours {ours}, theirs {theirs}); open items explain {explained}, {unexplained} unexplained',
    zh: '客户 {customer}：余额相差 {diff}（我方 {ours}，对方 {theirs}）；未达项目可解释 {explained}，尚有 {unexplained} 无法解释',
  },
} satisfies Record<string, Bilingual>;

/** Texts of the Reconciliation sheet (余额调节表). */
export const SHEET_TEXT = {
  title: { en: 'Balance reconciliation with customers\' statements', zh: '客户往来余额调节表' },
  asOf: { en: 'As of {date}', zh: '截至 {date}' },
  colCustomer: { en: 'Customer ID', zh: '客户编号' },
  colItem: { en: 'Item', zh: '项目' },
  colDate: { en: 'Date', zh: '日期' },
  colReference: { en: 'Reference', zh: '单据号' },
  colCell: { en: 'Cell', zh: '单元格' },
  colAmount: { en: 'Amount', zh: '金额' },
  colStatus: { en: 'Status', zh: '状态' },
  ourBalance: { en: 'Our balance', zh: '我方余额' },
  theirBalance: { en: 'Their balance', zh: '对方余额' },
  difference: { en: 'Difference (ours − theirs)', zh: '差额（我方 − 对方）' },
  explained: { en: 'Explained by open items', zh: '未达项目合计' },
  unexplained: { en: 'Unexplained', zh: '无法解释的差额' },
  tiedOut: { en: 'Tied out', zh: '已调平' },
  notTiedOut: { en: 'Not tied out', zh: '未调平' },
  itemOpening: { en: 'Opening balance: ours {ours}, theirs {theirs}', zh: '期初余额：我方 {ours}，对方 {theirs}' },
  itemUnmatchedSale: { en: 'Sale not on their statement', zh: '我方已记销售，对方未记' },
  itemUnmatchedReceipt: { en: 'Receipt not on their statement', zh: '我方已记收款，对方未记' },
  itemUnmatchedBilled: { en: 'Billed on their statement, not in our sales', zh: '对方已记应收，我方未记' },
  itemUnmatchedPaid: { en: 'Paid on their statement, not in our receipts', zh: '对方已记付款，我方未记' },
  itemAmountDiffBilled: { en: 'Billed amounts differ', zh: '应收金额不一致' },
  itemAmountDiffPaid: { en: 'Paid amounts differ', zh: '付款金额不一致' },
  itemDuplicate: { en: 'Listed twice on their statement', zh: '对方对账单重复列示' },
  itemAmbiguousOurs: { en: 'Ours, counterpart ambiguous', zh: '我方记录，对应项不唯一' },
  itemAmbiguousTheirs: { en: 'Theirs, counterpart ambiguous', zh: '对方记录，对应项不唯一' },
} satisfies Record<string, Bilingual>;

/** Templates split once into literal text (even indexes) and placeholder names (odd indexes). */
const COMPILED = new Map<string, string[]>();

function compile(text: string): string[] {
  let parts = COMPILED.get(text);
  if (!parts) {
    parts = text.split(/\{(\w+)\}/);
    COMPILED.set(text, parts);
  }
  return parts;
}

/**
 * Same result as `fmt` from i18n.ts, for messages made once per row: the template is parsed once, so a
 * message costs a few concatenations instead of a regular-expression replace.
 */
export function say(msg: Bilingual, lang: Lang, params: Record<string, string | number> = {}): string {
  const parts = compile(msg[lang]);
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const key = parts[i];
    out += (Object.prototype.hasOwnProperty.call(params, key) ? String(params[key]) : `{${key}}`) + parts[i + 1];
  }
  return out;
}

import { Severity } from '../model/findings';
import { Bilingual, Lang } from '../model/i18n';
import { OwnedSheetKey } from './plan';
import type { ReviewStatus } from './review';

/**
 * The words of the plan: owned sheet names, the Findings sheet's headers, severity and review status
 * names. Kept in both languages so either renderer, and the reader of a previous run's Findings sheet,
 * can recognise them whatever language the workbook was checked in.
 */

/** Visible names of the sheets the add-in owns. The statement sheet gets the customer appended. */
export const OWNED_SHEET_NAMES: Record<OwnedSheetKey, Bilingual> = {
  findings: { en: 'Findings', zh: '检查结果' },
  reconciliation: { en: 'Reconciliation', zh: '余额调节表' },
  matches: { en: 'Matches', zh: '匹配明细' },
  aging: { en: 'Aging', zh: '账龄分析' },
  credit: { en: 'Credit', zh: '信用管理' },
  'sales-summary': { en: 'Sales Summary', zh: '销售汇总' },
  statement: { en: 'Statement – {customer}', zh: '对账单 – {customer}' },
  'audit-log': { en: 'Audit Log', zh: '审计日志' },
};

/** Severity names as shown on the Findings sheet. */
export const SEVERITY_NAMES: Record<Severity, Bilingual> = {
  error: { en: 'Error', zh: '错误' },
  warning: { en: 'Warning', zh: '警告' },
  info: { en: 'Info', zh: '提示' },
};

/** Severity tags at the start of each note line ("[error] amount-calc: …"). */
export const SEVERITY_TAGS: Record<Severity, Bilingual> = {
  error: { en: 'error', zh: '错误' },
  warning: { en: 'warning', zh: '警告' },
  info: { en: 'info', zh: '提示' },
};

/** Review status names, the values of the Status drop-down. */
export const STATUS_NAMES: Record<ReviewStatus, Bilingual> = {
  open: { en: 'Open', zh: '待处理' },
  explained: { en: 'Explained', zh: '已说明' },
  resolved: { en: 'Resolved', zh: '已解决' },
  accepted: { en: 'Accepted', zh: '已接受' },
};

/** Column keys of the Findings sheet, in their order. */
export const FINDINGS_COLUMNS = [
  'index', 'severity', 'code', 'sheet', 'cell', 'message', 'expected', 'actual',
  'status', 'reviewer', 'reviewedAt', 'comment', 'findingId',
] as const;

export type FindingsColumn = (typeof FINDINGS_COLUMNS)[number];

/** Headers of the Findings sheet. */
export const FINDINGS_HEADERS: Record<FindingsColumn, Bilingual> = {
  index: { en: '#', zh: '序号' },
  severity: { en: 'Severity', zh: '严重程度' },
  code: { en: 'Code', zh: '代码' },
  sheet: { en: 'Sheet', zh: '工作表' },
  cell: { en: 'Cell', zh: '单元格' },
  message: { en: 'Message', zh: '说明' },
  expected: { en: 'Expected', zh: '应为' },
  actual: { en: 'Actual', zh: '实际' },
  status: { en: 'Status', zh: '状态' },
  reviewer: { en: 'Reviewer', zh: '复核人' },
  reviewedAt: { en: 'Reviewed At', zh: '复核时间' },
  comment: { en: 'Comment', zh: '备注' },
  findingId: { en: 'Finding ID', zh: '问题编号' },
};

/** Texts of the Findings sheet's preamble. */
export const FINDINGS_TEXT = {
  title: { en: 'Findings', zh: '检查结果' },
  asOf: { en: 'As of', zh: '截止日期' },
  legend: { en: 'Highlights', zh: '标记颜色' },
  severityCount: { en: '{name}: {count}', zh: '{name}：{count}' },
  reviewLine: { en: 'Review', zh: '复核' },
  statusCount: { en: '{name}: {count}', zh: '{name}：{count}' },
  truncated: {
    en: 'Showing the first {shown} of {total} findings: an Excel sheet holds no more rows. The JSON report (recon check --json) lists them all.',
    zh: '仅列出前 {shown} 条（共 {total} 条）：Excel 工作表行数已满。JSON 报告（recon check --json）列出全部问题。',
  },
  statusAlertTitle: { en: 'Status', zh: '状态' },
  statusAlert: { en: 'Choose a status from the list: {list}', zh: '请从列表中选择状态：{list}' },
  howTo: {
    en: 'Set Status, Reviewer and Comment for each finding; decisions are kept on the next run by Finding ID.',
    zh: '请为每条问题填写状态、复核人和备注；再次检查时按问题编号保留这些复核结果。',
  },
  moreInNote: { en: '… and {count} more', zh: '……另有 {count} 条' },
  footerAsOf: { en: 'As of {date}', zh: '截至 {date}' },
  footerPage: { en: 'Page &P of &N', zh: '第 &P 页，共 &N 页' },
  footerVersion: { en: 'Statement Reconciler {version}', zh: '对账助手 {version}' },
} satisfies Record<string, Bilingual>;

/** The owned sheet's visible name in a language, with `{customer}` filled for statements. */
export function ownedSheetName(key: OwnedSheetKey, lang: Lang, customer = ''): string {
  return OWNED_SHEET_NAMES[key][lang].replace('{customer}', customer);
}

/** Lower-cased, space-free form used to recognise a name in either language. */
function norm(text: string): string {
  return text.replace(/[\s_\-:：]/g, '').toLowerCase();
}

/** Reads a severity name in either language ("Error", "错误", "error"); null when it is none. */
export function parseSeverityName(text: string): Severity | null {
  const n = norm(text);
  for (const sev of ['error', 'warning', 'info'] as const) {
    if (n === sev || n === norm(SEVERITY_NAMES[sev].en) || n === norm(SEVERITY_NAMES[sev].zh)) return sev;
  }
  return null;
}

/** Reads a review status in either language ("Explained", "已说明", "accepted"); null when it is none. */
export function parseStatusName(text: string): ReviewStatus | null {
  const n = norm(text);
  if (n === '') return null;
  for (const st of ['open', 'explained', 'resolved', 'accepted'] as const) {
    if (n === st || n === norm(STATUS_NAMES[st].en) || n === norm(STATUS_NAMES[st].zh)) return st;
  }
  return null;
}

/** Which Findings column a header cell names, in either language; null for none. */
export function findingsColumnOf(header: string): FindingsColumn | null {
  const n = norm(header);
  if (n === '') return null;
  for (const col of FINDINGS_COLUMNS) {
    if (n === norm(FINDINGS_HEADERS[col].en) || n === norm(FINDINGS_HEADERS[col].zh)) return col;
  }
  return null;
}

/** Texts of the Reconciliation sheet (余额调节表, FORMS.md). */
export const RECON_TEXT = {
  title: { en: 'Customer balance reconciliation', zh: '客户往来余额调节表' },
  asOf: { en: 'Data as of {date}', zh: '数据截至 {date}' },
  customer: { en: 'Customer: {name} ({id})', zh: '客户：{name}（{id}）' },
  period: { en: 'Statement period: {from} to {to}', zh: '对账期间：{from} 至 {to}' },
  closingDate: { en: 'Closing date: {date}', zh: '截止日期：{date}' },
  unit: { en: 'Unit: CNY', zh: '单位：元' },
  oursHeader: { en: 'Our books (receivable)', zh: '我方（应收账款）' },
  theirsHeader: { en: 'Their books (payable)', zh: '对方（应付账款）' },
  ourBalance: { en: 'Our receivable balance', zh: '我方应收余额' },
  theirBalance: { en: 'Their balance per statement', zh: '对方账面余额' },
  addTheirs: { en: 'Add: invoices they booked that we have not', zh: '加：对方已记我方未记' },
  lessTheirs: { en: 'Less: payments they booked that we have not received', zh: '减：对方已记我方未记' },
  addOurs: { en: 'Add: invoices we booked that they have not', zh: '加：我方已记对方未记' },
  lessOurs: { en: 'Less: receipts we booked that they have not', zh: '减：我方已记对方未记' },
  adjusted: { en: 'Adjusted balance', zh: '调节后余额' },
  adjustedDiff: { en: 'Adjusted difference (ours − theirs)', zh: '调节后差额（我方 − 对方）' },
  status: { en: 'Status', zh: '状态' },
  agreed: { en: 'Agreed', zh: '相符' },
  notAgreed: { en: 'Not agreed', zh: '不符' },
  noStatement: { en: 'No statement received', zh: '未收到对账单' },
  errorsTitle: { en: 'Errors to correct (not adjusting items)', zh: '差错（不属未达账项，须更正）' },
  errorDate: { en: 'Date', zh: '日期' },
  errorItem: { en: 'Item', zh: '项目' },
  errorAmount: { en: 'Effect (ours − theirs)', zh: '影响金额（我方 − 对方）' },
  errorWho: { en: 'To be corrected by', zh: '更正方' },
  errorsNone: { en: 'None', zh: '无' },
  errorsTotal: { en: 'Total errors and unexplained', zh: '差错及未查明差异合计' },
  opening: { en: 'Opening balance differs: ours {ours}, theirs {theirs}', zh: '期初余额不符：我方 {ours}，对方 {theirs}' },
  openingPart: {
    en: 'Opening balance differs: ours {ours}, theirs {theirs}; {explained} of it booked across the period start',
    zh: '期初余额不符：我方 {ours}，对方 {theirs}；其中 {explained} 为跨期入账',
  },
  crossPeriodTitle: {
    en: 'Booked across the period start: explains the opening difference, no adjustment',
    zh: '跨期入账：已解释期初余额差异，无需调节',
  },
  crossPeriodAmount: { en: 'Explains of the opening difference', zh: '解释期初差异金额' },
  inTheirOpening: { en: 'Booked by them before the period (in their opening balance)', zh: '对方已于期初前入账（含在对方期初余额中）' },
  inOurOpening: { en: 'Booked by us before the period (in our opening balance)', zh: '我方已于期初前入账（含在我方期初余额中）' },
  unexplained: { en: 'Unexplained difference', zh: '未查明差异' },
  amountDiffBilled: { en: 'Billed amount differs: {ref}', zh: '应收金额不符：{ref}' },
  amountDiffPaid: { en: 'Paid amount differs: {ref}', zh: '付款金额不符：{ref}' },
  duplicate: { en: 'Booked twice on their statement: {ref}', zh: '对方重复记账：{ref}' },
  ambiguousOurs: { en: 'Our record, counterpart ambiguous: {ref}', zh: '我方记录对应项不唯一：{ref}' },
  ambiguousTheirs: { en: 'Their line, counterpart ambiguous: {ref}', zh: '对方记录对应项不唯一：{ref}' },
  whoThem: { en: 'Customer', zh: '对方' },
  whoUs: { en: 'Us', zh: '我方' },
  whoBoth: { en: 'Both parties to check', zh: '双方核对' },
  preparedBy: { en: 'Prepared by:', zh: '编制人：' },
  reviewedBy: { en: 'Reviewed by:', zh: '复核人：' },
  signDate: { en: 'Date:', zh: '日期：' },
  none: { en: '(none)', zh: '（无）' },
  footerCenter: { en: 'Page &P of &N', zh: '第 &P 页，共 &N 页' },
} satisfies Record<string, Bilingual>;

/** Texts of the Matches sheet: every link the three reconciliations made. */
export const MATCHES_TEXT = {
  title: { en: 'Matches', zh: '匹配明细' },
  intro: {
    en: 'Every link: sales ↔ statement, receipts ↔ statement, and cash application (receipts → sales; FIFO allocations marked). Difference = ours − theirs.',
    zh: '全部匹配：销售 ↔ 对账单、收款 ↔ 对账单，以及收款核销（收款 → 销售；先进先出分配已标注）。差额 = 我方 − 对方。',
  },
  truncated: {
    en: 'Showing the first {shown} of {total} links: an Excel sheet holds no more rows. The JSON report (recon check --json) lists them all.',
    zh: '仅列出前 {shown} 条（共 {total} 条）：Excel 工作表行数已满。JSON 报告（recon check --json）列出全部匹配。',
  },
  index: { en: '#', zh: '序号' },
  pair: { en: 'Reconciliation', zh: '核对类型' },
  pass: { en: 'Pass', zh: '匹配规则' },
  status: { en: 'Status', zh: '状态' },
  ours: { en: 'Ours', zh: '我方记录' },
  ourAmount: { en: 'Our amount', zh: '我方金额' },
  theirs: { en: 'Theirs / invoices', zh: '对方记录 / 发票' },
  theirAmount: { en: 'Their amount', zh: '对方金额' },
  difference: { en: 'Difference', zh: '差额' },
  days: { en: 'Days apart', zh: '相差天数' },
  fifo: { en: 'FIFO', zh: '先进先出' },
  reason: { en: 'Reason', zh: '说明' },
  pairSalesStatement: { en: 'Sales ↔ statement', zh: '销售 ↔ 对账单' },
  pairReceiptsStatement: { en: 'Receipts ↔ statement', zh: '收款 ↔ 对账单' },
  pairReceiptsSales: { en: 'Cash application', zh: '收款核销' },
  more: { en: '{first} +{more}', zh: '{first} 等 {count} 行' },
  fifoMark: { en: 'FIFO', zh: '先进先出' },
} satisfies Record<string, Bilingual>;

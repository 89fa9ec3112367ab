/**
 * Every text the task pane shows, in English and Chinese. Finding messages themselves come from the
 * engine already in the workbook's language; these are the pane's own labels.
 */
import { FindingCode, Severity } from '../core/model/findings';
import { Bilingual, fmt, Lang } from '../core/model/i18n';
import type { ReviewStatus } from '../core/output/review';

export const UI = {
  title: { en: 'Statement Reconciler', zh: '对账助手' },
  subtitle: {
    en: 'Checks sales, receipts and customer statements in this workbook.',
    zh: '检查本工作簿中的销售、收款与客户对账单。',
  },
  check: { en: 'Check workbook', zh: '检查工作簿' },
  checking: { en: 'Checking…', zh: '正在检查…' },
  cancel: { en: 'Cancel', zh: '取消' },
  cancelling: { en: 'Cancelling…', zh: '正在取消…' },
  finishing: { en: 'Finishing…', zh: '正在完成…' },
  cancelTooLate: {
    en: 'Cancel came as the check was saving its last step, so its results stand. Click Clear highlights to remove them.',
    zh: '点击取消时检查已在保存最后一步，因此结果已保留。如需移除，请点击“清除标记”。',
  },
  clear: { en: 'Clear highlights', zh: '清除标记' },
  clearing: { en: 'Clearing…', zh: '正在清除…' },
  progressLabel: { en: 'Check progress', zh: '检查进度' },
  progress: { en: '{stage} ({percent}%)', zh: '{stage}（{percent}%）' },
  cancelled: { en: 'The check was cancelled. Nothing was changed.', zh: '检查已取消，工作簿未作任何更改。' },
  noFindings: { en: 'No problems found in {sheets} sheet(s).', zh: '在 {sheets} 个工作表中未发现问题。' },
  noTemplates: {
    en: 'No sales, receipts, customers or statement sheet was recognised, so nothing was added to the workbook. Check that each sheet’s first row holds the template headers (for example Date, Document No, Customer ID, Amount).',
    zh: '未识别到销售、收款、客户或对账单工作表，因此未向工作簿添加任何内容。请检查各工作表的第一行是否为模板表头（如 日期、单据编号、客户编号、金额）。',
  },
  checked: {
    en: 'Checked {sheets} sheet(s): {total} finding(s). Details are on the “{findingsSheet}” sheet.',
    zh: '已检查 {sheets} 个工作表，共 {total} 条结果，详见“{findingsSheet}”工作表。',
  },
  cleared: { en: 'Highlights cleared: {cells} cell(s) restored.', zh: '已清除标记，恢复了 {cells} 个单元格。' },
  verify: { en: 'Verify log', zh: '校验日志' },
  verifying: { en: 'Verifying…', zh: '正在校验…' },
  auditIntact: { en: 'Audit Log intact: {rows} row(s), every hash follows the row before.', zh: '审计日志完整：共 {rows} 行，每行哈希均与上一行衔接。' },
  auditAltered: { en: 'Audit Log altered at row {row} (#{seq}): it or a row before it was changed, inserted or deleted.', zh: '审计日志在第 {row} 行（序号 {seq}）处被改动：该行或其之前的行被修改、插入或删除。' },
  auditMissing: { en: 'This workbook has no Audit Log yet: run a check first.', zh: '本工作簿尚无审计日志：请先运行检查。' },
  errorTitle: { en: 'Something went wrong', zh: '出现问题' },
  dismiss: { en: 'Dismiss', zh: '关闭' },
  findingsHeading: { en: 'Findings', zh: '检查结果' },
  countsLabel: { en: 'Findings by severity', zh: '按严重程度统计' },
  showMore: { en: 'Show {count} more', zh: '再显示 {count} 条' },
  goToCell: { en: 'Go to {sheet}!{cell}', zh: '转到 {sheet}!{cell}' },
  expected: { en: 'Expected {value}', zh: '应为 {value}' },
  actual: { en: 'found {value}', zh: '实为 {value}' },
  loading: { en: 'Loading…', zh: '正在加载…' },
  loadFailed: {
    en: 'Part of the add-in did not load ({detail}). Check the network connection, then try again.',
    zh: '加载项的部分代码未能加载（{detail}）。请检查网络连接，然后重试。',
  },
  reviewedBy: { en: '{status} by {reviewer}', zh: '{status}（复核人：{reviewer}）' },
  outsideOffice: {
    en: 'Open this page from Excel (Home tab → Reconcile) to check a workbook.',
    zh: '请在 Excel 中打开本页（“开始”选项卡 → “对账”）以检查工作簿。',
  },
} satisfies Record<string, Bilingual>;

/** Severity names for the count badges. */
export const SEVERITY_LABEL: Record<Severity, Bilingual> = {
  error: { en: 'Errors', zh: '错误' },
  warning: { en: 'Warnings', zh: '警告' },
  info: { en: 'Info', zh: '提示' },
};

/** Review statuses as the Findings sheet names them. */
export const REVIEW_STATUS_LABEL: Record<ReviewStatus, Bilingual> = {
  open: { en: 'Open', zh: '待处理' },
  explained: { en: 'Explained', zh: '已说明' },
  resolved: { en: 'Resolved', zh: '已解决' },
  accepted: { en: 'Accepted', zh: '已接受' },
};

/** "Explained by Li Wei: rep confirmed" — a finding's review decision in one line. */
export function reviewText(r: { status: ReviewStatus; reviewer: string; comment: string }, lang: Lang): string {
  const status = REVIEW_STATUS_LABEL[r.status][lang];
  const head = r.reviewer ? t('reviewedBy', lang, { status, reviewer: r.reviewer }) : status;
  return r.comment ? `${head}${lang === 'zh' ? '：' : ': '}${r.comment}` : head;
}

/** What the engine is doing, by the stage keys of CheckOptions.onProgress. */
export const STAGE_LABEL: Record<string, Bilingual> = {
  start: { en: 'Starting', zh: '正在开始' },
  read: { en: 'Reading the workbook', zh: '正在读取工作簿' },
  recognize: { en: 'Recognising sheets', zh: '正在识别工作表' },
  parse: { en: 'Reading rows', zh: '正在读取数据行' },
  validate: { en: 'Validating', zh: '正在校验' },
  reconcile: { en: 'Reconciling', zh: '正在对账' },
  plan: { en: 'Preparing results', zh: '正在整理结果' },
  write: { en: 'Writing highlights and sheets', zh: '正在写入标记与结果表' },
  finishing: { en: 'Finishing (can no longer be cancelled)', zh: '正在完成（已无法取消）' },
  done: { en: 'Done', zh: '完成' },
};

/**
 * Short headings for finding codes. Partial on purpose: a code added later still shows (as its raw
 * key) before it gets a label here; test/taskpane checks every current code has one.
 */
export const CODE_LABEL: Partial<Record<FindingCode, Bilingual>> = {
  required: { en: 'Required value missing', zh: '必填项缺失' },
  type: { en: 'Wrong type of value', zh: '数据类型错误' },
  range: { en: 'Value out of range', zh: '数值超出范围' },
  list: { en: 'Not an allowed value', zh: '不在允许的取值中' },
  pattern: { en: 'Wrong format', zh: '格式错误' },
  duplicate: { en: 'Duplicate', zh: '重复' },
  'unknown-customer': { en: 'Unknown customer', zh: '未知客户' },
  'name-mismatch': { en: 'Customer name differs', zh: '客户名称不一致' },
  'amount-calc': { en: 'Amount ≠ quantity × unit price', zh: '金额≠数量×单价' },
  'tax-calc': { en: 'Tax ≠ amount × tax rate', zh: '税额≠金额×税率' },
  'total-calc': { en: 'Total ≠ amount + tax', zh: '价税合计≠金额+税额' },
  'tax-id': { en: 'Invalid tax ID', zh: '统一社会信用代码无效' },
  'date-order': { en: 'Dates out of order', zh: '日期先后错误' },
  'balance-calc': { en: 'Running balance does not add up', zh: '余额计算不符' },
  'unmapped-column': { en: 'Column not recognised', zh: '未识别的列' },
  'unmatched-ours': { en: 'Only in our records', zh: '仅我方有记录' },
  'unmatched-theirs': { en: 'Only on their statement', zh: '仅对方有记录' },
  'amount-diff': { en: 'Amounts differ', zh: '金额不符' },
  'date-diff': { en: 'Dates differ', zh: '日期不符' },
  'duplicate-entry': { en: 'Entered twice', zh: '重复记账' },
  ambiguous: { en: 'Ambiguous match', zh: '匹配不唯一' },
  'unapplied-receipt': { en: 'Receipt not applied', zh: '收款未核销' },
  'partial-payment': { en: 'Partly paid', zh: '部分付款' },
  'tie-out': { en: 'Balances do not tie out', zh: '余额无法勾稽' },
  'opening-balance': { en: 'Opening balances differ', zh: '期初余额不符' },
  'over-limit': { en: 'Over credit limit', zh: '超出信用额度' },
  'near-limit': { en: 'Near credit limit', zh: '接近信用额度' },
  overdue: { en: 'Overdue', zh: '逾期' },
  'customer-on-hold': { en: 'Sale to a held or closed customer', zh: '向冻结或关闭客户销售' },
  'credit-limit-exceeded': { en: 'Sale that exceeded the limit', zh: '导致超额的销售' },
  'rating-drift': { en: 'Rating differs from computed', zh: '信用等级与测算不符' },
};

/** A UI text in `lang` with its placeholders filled. */
export function t(key: keyof typeof UI, lang: Lang, params?: Record<string, string | number>): string {
  return fmt(UI[key], lang, params);
}

/** Heading of a finding code in `lang`; the raw code when it has no label yet. */
export function codeLabel(code: string, lang: Lang): string {
  const label = (CODE_LABEL as Record<string, Bilingual | undefined>)[code];
  return label ? label[lang] : code;
}

/** What a progress stage key means in `lang`; unknown keys are shown as they are. */
export function stageLabel(stage: string, lang: Lang): string {
  const label = STAGE_LABEL[stage];
  return label ? label[lang] : stage;
}

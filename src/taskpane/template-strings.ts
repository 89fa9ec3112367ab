/**
 * The Templates section's own labels (insert, apply, live check, column mapping), in English and
 * Chinese. Headers, prompts and finding messages come from the engine in the workbook's language.
 */
import { Bilingual, fmt, Lang } from '../core/model/i18n';

export const TEMPLATE_UI = {
  section: { en: 'Templates and column mapping', zh: '模板与列映射' },
  open: { en: 'Templates and mapping…', zh: '模板与映射…' },
  close: { en: 'Hide templates', zh: '收起模板' },
  loading: { en: 'Loading…', zh: '正在加载…' },
  template: { en: 'Template', zh: '模板' },
  customers: { en: 'Customers', zh: '客户档案' },
  sales: { en: 'Sales', zh: '销售台账' },
  receipts: { en: 'Receipts', zh: '收款记录' },
  statement: { en: 'Customer statement', zh: '客户对账单' },
  formulas: { en: 'Tax and Total as locked formulas (sales)', zh: '税额与价税合计使用锁定公式（销售）' },
  protect: { en: 'Protect the sheet (headers and formulas locked)', zh: '保护工作表（锁定表头与公式）' },
  password: { en: 'Password (optional)', zh: '密码（可选）' },
  insert: { en: 'Insert as new sheet', zh: '插入为新工作表' },
  inserting: { en: 'Inserting…', zh: '正在插入…' },
  applyTo: { en: 'Apply to sheet', zh: '应用到工作表' },
  apply: { en: 'Apply template', zh: '应用模板' },
  applying: { en: 'Applying…', zh: '正在应用…' },
  inserted: {
    en: 'Inserted “{sheet}” with {columns} columns, each with a drop-down or rule and a prompt for reps.',
    zh: '已插入“{sheet}”，共 {columns} 列，每列均有下拉列表或规则及填写提示。',
  },
  customerList: { en: 'Customer ID is a drop-down from “{sheet}”.', zh: '客户编号为来自“{sheet}”的下拉列表。' },
  noCustomerList: {
    en: 'No customers sheet yet: insert Customers first to get a Customer ID drop-down.',
    zh: '尚无客户档案：请先插入客户档案，即可获得客户编号下拉列表。',
  },
  applied: { en: 'Applied to “{sheet}”: {columns} column(s) got formats and rules; no value was changed.', zh: '已应用到“{sheet}”：{columns} 列设置了格式与规则，未更改任何数据。' },
  missing: { en: 'Columns this sheet lacks: {columns}.', zh: '本表缺少的列：{columns}。' },
  protectedNote: { en: 'The sheet is protected; input cells stay editable.', zh: '工作表已保护，输入单元格仍可编辑。' },
  live: { en: 'Check as reps type', zh: '录入时即时检查' },
  liveOn: { en: 'Watching {sheets}.', zh: '正在检查：{sheets}。' },
  liveNone: { en: 'No template sheet to watch yet.', zh: '暂无可检查的模板工作表。' },
  liveResult: {
    en: '“{sheet}”: {rows} row(s) checked, {flagged} cell(s) flagged, {cleared} fixed.',
    zh: '“{sheet}”：检查了 {rows} 行，标记 {flagged} 个单元格，修正 {cleared} 个。',
  },
  mapping: { en: 'Column mapping', zh: '列映射' },
  showMapping: { en: 'Show column mapping', zh: '显示列映射' },
  refresh: { en: 'Refresh', zh: '刷新' },
  noSheets: { en: 'No template sheet recognised yet.', zh: '尚未识别到模板工作表。' },
  notMapped: { en: '— not mapped —', zh: '— 未映射 —' },
  required: { en: 'required', zh: '必填' },
  mappedBy: { en: '{header} (column {column}) · {reason} · {confidence}%', zh: '{header}（{column} 列）· {reason} · {confidence}%' },
  saveMapping: { en: 'Save mapping', zh: '保存映射' },
  saving: { en: 'Saving…', zh: '正在保存…' },
  saved: {
    en: 'Saved {count} column choice(s) in the workbook; the next check and recon use them.',
    zh: '已在工作簿中保存 {count} 项列选择；下次检查及 recon 将使用它们。',
  },
  unrecognised: {
    en: '“{sheet}” holds data but fits no template. Closest: {template}; missing: {missing}.',
    zh: '“{sheet}”含有数据但不符合任何模板。最接近：{template}；缺少：{missing}。',
  },
} satisfies Record<string, Bilingual>;

/** A label in `lang` with its placeholders filled. */
export function tt(key: keyof typeof TEMPLATE_UI, lang: Lang, params?: Record<string, string | number>): string {
  return fmt(TEMPLATE_UI[key], lang, params);
}

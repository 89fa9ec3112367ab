import { FindingCode } from '../model/findings';
import { Bilingual, fmt, Lang } from '../model/i18n';
import { ParsedWorkbook } from '../model/records';
import { fieldDef, fieldLabel } from '../templates/template-fields';
import { SheetMapping, TemplateKind } from '../templates/templates';

/**
 * Which columns each check reads. A check whose columns are not all mapped does not run on that sheet
 * (a guess never raises an alarm); the user is told which check was skipped and which column would
 * enable it. Checks that fit one market only (fapiao invoice numbers, USCC tax ids) are also skipped
 * where the data does not fit them, unless the settings ask for them.
 */

/** Stable names of the checks that can be skipped. */
export type CheckName =
  | 'duplicate-customer' | 'tax-id' | 'duplicate-document' | 'duplicate-invoice' | 'invoice-pattern' | 'amount-calc'
  | 'tax-calc' | 'total-calc' | 'date-order' | 'duplicate-receipt' | 'balance-calc' | 'unknown-customer' | 'name-mismatch';

/** What one check needs. */
export interface CheckRequirement {
  check: CheckName;
  template: TemplateKind;
  /** The finding code the check raises. */
  code: FindingCode;
  /** Every one of these columns. */
  all: string[];
  /** At least one of these columns, when given. */
  anyOf?: string[];
  /** The check needs a customers sheet with a Customer ID column. */
  customersSheet?: boolean;
  name: Bilingual;
}

const REFERENCING: TemplateKind[] = ['sales', 'receipts', 'statement'];

/** Every check of validation and the columns it reads. */
export const CHECK_REQUIREMENTS: readonly CheckRequirement[] = [
  { check: 'duplicate-customer', template: 'customers', code: 'duplicate', all: ['customerId'], name: { en: 'duplicate Customer ID', zh: '客户编号重复' } },
  { check: 'tax-id', template: 'customers', code: 'tax-id', all: ['taxId'], name: { en: 'USCC tax ID', zh: '统一社会信用代码校验' } },
  { check: 'duplicate-document', template: 'sales', code: 'duplicate', all: ['docNo'], name: { en: 'duplicate Document No', zh: '单据编号重复' } },
  { check: 'duplicate-invoice', template: 'sales', code: 'duplicate', all: ['invoiceNo'], name: { en: 'duplicate Invoice No', zh: '发票号码重复' } },
  { check: 'invoice-pattern', template: 'sales', code: 'pattern', all: ['invoiceNo'], name: { en: 'fapiao number (8 or 20 digits)', zh: '发票号码位数（8 或 20 位）' } },
  { check: 'amount-calc', template: 'sales', code: 'amount-calc', all: ['quantity', 'unitPrice', 'amount'], name: { en: 'Amount = Quantity × Unit Price', zh: '金额 = 数量 × 单价' } },
  { check: 'tax-calc', template: 'sales', code: 'tax-calc', all: ['amount', 'taxRate', 'tax'], name: { en: 'Tax = Amount × Tax Rate', zh: '税额 = 金额 × 税率' } },
  { check: 'total-calc', template: 'sales', code: 'total-calc', all: ['amount', 'total'], anyOf: ['tax', 'taxRate'], name: { en: 'Total = Amount + Tax', zh: '价税合计 = 金额 + 税额' } },
  { check: 'date-order', template: 'sales', code: 'date-order', all: ['date', 'dueDate'], name: { en: 'Due Date not before Date', zh: '到期日不早于日期' } },
  { check: 'duplicate-receipt', template: 'receipts', code: 'duplicate', all: ['receiptNo'], name: { en: 'duplicate Receipt No', zh: '收款单号重复' } },
  { check: 'balance-calc', template: 'statement', code: 'balance-calc', all: ['billed', 'paid', 'balance'], name: { en: 'running balance', zh: '余额滚动计算' } },
  ...REFERENCING.map((template): CheckRequirement => ({
    check: 'unknown-customer', template, code: 'unknown-customer', all: ['customerId'], customersSheet: true,
    name: { en: 'Customer ID in the customers sheet', zh: '客户编号在客户档案中' },
  })),
  { check: 'name-mismatch', template: 'sales', code: 'name-mismatch', all: ['customerId', 'customerName'], customersSheet: true, name: { en: 'Customer Name agrees with the customers sheet', zh: '客户名称与客户档案一致' } },
];

/** Why a check did not run. */
export type SkipReason = 'unmapped' | 'no-customers-sheet' | 'data-does-not-fit';

/** A check that did not run on a sheet: the report's `skippedChecks`, the pane and the CLI summary show it. */
export interface SkippedCheck {
  check: CheckName;
  sheet: string;
  template: TemplateKind;
  reason: SkipReason;
  /** The columns that would enable it, as `template.field` (the `--map` form). */
  missing: string[];
  /** In the workbook's language. */
  message: string;
}

const SKIP_TEXT: Record<SkipReason, Bilingual> = {
  unmapped: {
    en: 'The “{check}” check did not run on sheet “{sheet}”: map {columns} to enable it.',
    zh: '工作表“{sheet}”未运行“{check}”检查：映射 {columns} 列即可启用。',
  },
  'no-customers-sheet': {
    en: 'The “{check}” check did not run on sheet “{sheet}”: the workbook has no customers sheet with a Customer ID column.',
    zh: '工作表“{sheet}”未运行“{check}”检查：工作簿中没有含客户编号列的客户档案。',
  },
  'data-does-not-fit': {
    en: 'The “{check}” check did not run on sheet “{sheet}”: {why}',
    zh: '工作表“{sheet}”未运行“{check}”检查：{why}',
  },
};

/** "Paid (statement.paid)" / "已付金额（statement.paid）". */
function columnText(template: TemplateKind, field: string, lang: Lang): string {
  const label = fieldDef(template, field) ? fieldLabel(template, field, lang) : field;
  return lang === 'zh' ? `“${label}”（${template}.${field}）` : `${label} (${template}.${field})`;
}

/** Builds a skipped check's entry with its message in the workbook's language. */
export function skippedCheck(
  req: CheckRequirement, sheet: string, reason: SkipReason, missing: string[], lang: Lang, why: Bilingual | null = null,
): SkippedCheck {
  const columns = missing.map((m) => {
    const [t, f] = m.split('.');
    return columnText(t as TemplateKind, f, lang);
  }).join(lang === 'zh' ? '、' : ', ');
  const message = fmt(SKIP_TEXT[reason], lang, { check: req.name[lang], sheet, columns, why: why ? why[lang] : '' });
  return { check: req.check, sheet, template: req.template, reason, missing, message };
}

/** True when the mapping has every column the check reads. */
export function checkCanRun(req: CheckRequirement, mapping: SheetMapping): boolean {
  const cols = mapping.columns as Partial<Record<string, number>>;
  return req.all.every((f) => cols[f] !== undefined) && (!req.anyOf || req.anyOf.some((f) => cols[f] !== undefined));
}

/**
 * The checks that cannot run for want of a column, per sheet. A check is listed when some of its
 * columns are mapped and others are not, or when a column it needs is one the template requires;
 * a check none of whose columns the sheet has (Tax ID on a customer list without one) is not news.
 */
export function skippedForColumns(parsed: ParsedWorkbook, lang: Lang): SkippedCheck[] {
  const out: SkippedCheck[] = [];
  const tables = [...parsed.customers, ...parsed.sales, ...parsed.receipts, ...parsed.statements];
  const hasCustomers = parsed.customers.some((t) => t.mapping.columns.customerId !== undefined);
  for (const t of tables) {
    const m = t.mapping as SheetMapping;
    const cols = m.columns as Partial<Record<string, number>>;
    for (const req of CHECK_REQUIREMENTS) {
      if (req.template !== m.template) continue;
      const missing = req.all.filter((f) => cols[f] === undefined);
      const anyMissing = req.anyOf && !req.anyOf.some((f) => cols[f] !== undefined) ? [req.anyOf[0]] : [];
      const gaps = [...missing, ...anyMissing];
      if (gaps.length > 0) {
        const partial = gaps.length < req.all.length + (req.anyOf ? 1 : 0);
        const requiredGap = gaps.some((f) => fieldDef(m.template, f)?.required === true);
        if (partial || requiredGap) out.push(skippedCheck(req, m.sheet, 'unmapped', gaps.map((f) => `${m.template}.${f}`), lang));
        continue;
      }
      if (req.customersSheet && !hasCustomers) out.push(skippedCheck(req, m.sheet, 'no-customers-sheet', ['customers.customerId'], lang));
    }
  }
  return out;
}

import { columnLetter } from '../model/cells';
import { Bilingual, Lang } from '../model/i18n';
import { Settings } from '../model/settings';
import { fieldDef, templateFields } from './template-fields';
import { TemplateKind } from './templates';

/**
 * What a template sheet looks like when the add-in lays it out: per column its header, width, number
 * format, Excel data-validation rule with its input prompt and error alert (the rep's training, built
 * into the sheet), an optional formula, and whether a rep types into it. Pure data: `src/excel` turns it
 * into Office.js calls and the .xlsx side reads the same rules back. The rule objects have the shape
 * Office.js's `DataValidationRule` takes, so they cross the wire as they are.
 */

/** Excel's comparison operators for number, date and text-length rules. */
export type RuleOperator =
  | 'Between' | 'NotBetween' | 'EqualTo' | 'NotEqualTo' | 'GreaterThan' | 'LessThan'
  | 'GreaterThanOrEqualTo' | 'LessThanOrEqualTo';

/** One Excel data-validation rule (Office.js `DataValidationRule`, one member set). */
export type ValidationRule =
  | { list: { inCellDropDown: boolean; source: string } }
  | { decimal: { operator: RuleOperator; formula1: number; formula2?: number } }
  | { date: { operator: RuleOperator; formula1: string } }
  | { textLength: { operator: RuleOperator; formula1: number; formula2?: number } }
  | { custom: { formula: string } };

/** How Excel reacts to a value that breaks the rule: Stop refuses it, Warning asks, Information tells. */
export type AlertStyle = 'Stop' | 'Warning' | 'Information';

/** Excel keeps at most 32 characters of a title, 255 of a prompt and 225 of an error message. */
export const PROMPT_TITLE_MAX = 32;
export const PROMPT_MESSAGE_MAX = 255;
export const ERROR_MESSAGE_MAX = 225;

/** A column's validation as the rep meets it. */
export interface ColumnValidation {
  rule: ValidationRule;
  prompt: { title: string; message: string };
  errorAlert: { title: string; message: string; style: AlertStyle };
}

/** A validation as a workbook holds it: the cells it covers ("C2:C1048576") and what it asks. */
export interface SheetValidation {
  range: string;
  rule: ValidationRule;
  prompt: { title: string; message: string } | null;
  errorAlert: { title: string; message: string; style: AlertStyle } | null;
  ignoreBlanks: boolean;
}

/** One column of a laid-out template. */
export interface ColumnLayout {
  key: string;
  /** 0-based column index. */
  col: number;
  header: string;
  /** Column width in points (Office.js `format.columnWidth`). */
  width: number;
  /** Excel number format of the data cells ("@" keeps digits as text). */
  numberFormat: string;
  validation: ColumnValidation | null;
  /** The formula of a data row (1-based Excel row) when this column is computed; else null. */
  formula: ((row: number) => string) | null;
}

/** A template's columns, laid out. */
export interface TemplateLayout {
  kind: TemplateKind;
  lang: Lang;
  /** 1-based Excel row of the headers. */
  headerRow: number;
  columns: ColumnLayout[];
}

export interface LayoutOptions {
  lang: Lang;
  /** Where each field sits (0-based); omitted fields are left out. Default: the template's own order. */
  columns?: Partial<Record<string, number>>;
  /** 1-based header row (default 1). */
  headerRow?: number;
  /** Tax and Total as formulas instead of typed amounts (sales only). */
  formulas?: boolean;
  /** Allowed tax rates and invoice-number lengths. */
  settings: Pick<Settings, 'taxRates' | 'invoiceNoLengths'>;
  /** Where Customer IDs are listed: an absolute reference such as `'Customers'!$A$2:$A$1048576`, or null. */
  customerIds: string | null;
}

const TEXT = '@';
const DATE = 'yyyy-mm-dd';
const MONEY = '#,##0.00';
const QTY = '#,##0.####';
const PERCENT = '0%';

/** Excel's earliest sensible business date: typed dates before it are almost always typos. */
const FIRST_DAY = '2000-01-01';
const MAX_TEXT = 255;

/** Status and method words in the language of the sheet (the engine reads both). */
const STATUS: Record<Lang, string[]> = { en: ['Active', 'On Hold', 'Closed'], zh: ['正常', '冻结', '关闭'] };
const METHODS: Record<Lang, string[]> = {
  en: ['Bank transfer', 'Cash', 'Bank acceptance bill', 'Other'],
  zh: ['银行转账', '现金', '承兑汇票', '其他'],
};
const RATINGS = ['A', 'B', 'C', 'D'];

/** Width in characters of each field's column; unnamed fields get 14. */
const WIDTHS: Record<string, number> = {
  customerName: 28, taxId: 22, email: 26, product: 22, description: 30, reference: 24, invoiceNo: 22, docNo: 16,
  customerId: 14, date: 12, dueDate: 12,
};

/** Points per character of Excel's default font, for column widths. */
const POINTS_PER_CHAR = 7;

/** A rule, its prompt and its alert, before the column's letters are known. */
interface RuleSpec {
  rule(at: ColumnRefs): ValidationRule;
  prompt: Bilingual;
  error: Bilingual;
  style?: AlertStyle;
}

/** Cell references a rule may need: this column's first data cell, and other fields' first data cells. */
interface ColumnRefs {
  /** e.g. "C2". */
  cell: string;
  /** e.g. "$C:$C". */
  column: string;
  /** First data cell of another field (e.g. the sale's Date), or null when that field is not on the sheet. */
  other(key: string): string | null;
}

const money = (min: 'zero' | 'positive' | 'any', prompt: Bilingual, error: Bilingual): RuleSpec => ({
  rule: () => ({
    decimal: min === 'any'
      ? { operator: 'Between', formula1: -1e15, formula2: 1e15 }
      : { operator: min === 'zero' ? 'GreaterThanOrEqualTo' : 'GreaterThan', formula1: 0 },
  }),
  prompt,
  error,
});

const date = (prompt: Bilingual, error: Bilingual): RuleSpec => ({
  rule: () => ({ date: { operator: 'GreaterThanOrEqualTo', formula1: FIRST_DAY } }),
  prompt,
  error,
});

const text = (prompt: Bilingual): RuleSpec => ({
  rule: () => ({ textLength: { operator: 'LessThanOrEqualTo', formula1: MAX_TEXT } }),
  prompt,
  error: { en: `Keep it to ${MAX_TEXT} characters or fewer.`, zh: `请不超过 ${MAX_TEXT} 个字符。` },
});

const unique = (prompt: Bilingual, error: Bilingual): RuleSpec => ({
  rule: (at) => ({ custom: { formula: `=COUNTIF(${at.column},${at.cell})=1` } }),
  prompt,
  error,
});

const list = (values: string[], prompt: Bilingual, error: Bilingual, style: AlertStyle = 'Stop'): RuleSpec => ({
  rule: () => ({ list: { inCellDropDown: true, source: values.join(',') } }),
  prompt,
  error,
  style,
});

/** Per template, per field: the rule a rep meets. Fields without an entry get a text-length rule. */
function ruleSpecs(kind: TemplateKind, o: LayoutOptions): Record<string, RuleSpec> {
  const lang = o.lang;
  const customerId: RuleSpec = o.customerIds
    ? {
      rule: () => ({ list: { inCellDropDown: true, source: `=${o.customerIds}` } }),
      prompt: { en: 'Pick the customer from the list (the Customer IDs of the customers sheet).', zh: '请从下拉列表中选择客户（客户档案中的客户编号）。' },
      error: { en: 'This Customer ID is not on the customers sheet. Pick one from the list, or add the customer there first.', zh: '客户档案中没有此客户编号。请从列表中选择，或先在客户档案中添加该客户。' },
    }
    : {
      rule: () => ({ textLength: { operator: 'Between', formula1: 1, formula2: 50 } }),
      prompt: { en: 'Customer ID as on the customers sheet, e.g. C001. Required.', zh: '客户编号，与客户档案一致，例如 C001。必填。' },
      error: { en: 'Enter a Customer ID of 1 to 50 characters, as on the customers sheet.', zh: '请输入 1 至 50 个字符的客户编号，与客户档案一致。' },
    };
  const dateRule = (what: Bilingual): RuleSpec => date(
    { en: `${what.en}: a date such as 2024-03-05. Required.`, zh: `${what.zh}：日期，例如 2024-03-05。必填。` },
    { en: `${what.en} must be a date on or after ${FIRST_DAY}, e.g. 2024-03-05.`, zh: `${what.zh}必须是 ${FIRST_DAY} 或之后的日期，例如 2024-03-05。` },
  );
  const rates = o.settings.taxRates.map(percentText);
  const lengths = [...o.settings.invoiceNoLengths].sort((a, b) => a - b);
  const lengthWords: Bilingual = { en: lengths.join(' or '), zh: lengths.join(' 或 ') };

  switch (kind) {
    case 'customers':
      return {
        customerId: unique(
          { en: 'A unique code for the customer, e.g. C001. Required.', zh: '客户的唯一编号，例如 C001。必填。' },
          { en: 'This Customer ID is already used on this sheet. Each customer needs its own ID.', zh: '此客户编号已在本表中使用。每个客户须有唯一编号。' },
        ),
        customerName: text({ en: 'The customer’s full legal name. Required.', zh: '客户的完整名称。必填。' }),
        taxId: {
          rule: () => ({ textLength: { operator: 'EqualTo', formula1: 18 } }),
          prompt: { en: 'Unified social credit code: 18 characters (digits and capital letters).', zh: '统一社会信用代码：18 位（数字和大写字母）。' },
          error: { en: 'A unified social credit code has exactly 18 characters.', zh: '统一社会信用代码必须为 18 位。' },
        },
        creditLimit: money('zero',
          { en: 'Credit limit in yuan, 0 or more (e.g. 500000). Leave blank for none.', zh: '信用额度（元），不小于 0，例如 500000。无额度可留空。' },
          { en: 'The credit limit must be a number of 0 or more.', zh: '信用额度必须是不小于 0 的数字。' }),
        paymentTerms: list(lang === 'zh' ? ['月结30天', '30天', '60天', '90天', '款到发货'] : ['Net 30', 'Net 60', 'Net 90', 'EOM 30', 'COD'],
          { en: 'Pick terms or type them: Net 30, 30, EOM 30 (end of month + 30), COD.', zh: '选择或输入账期：30天、月结30天（月末起 30 天）、款到发货。' },
          { en: 'Usual terms are Net 30, EOM 30 or COD. Keep this value anyway?', zh: '常用账期为 30天、月结30天 或 款到发货。仍要保留此值吗？' },
          'Warning'),
        creditRating: list(RATINGS,
          { en: 'Manual credit rating A (best) to D. Leave blank to use the computed one.', zh: '手工信用等级 A（最好）至 D。留空则使用系统计算的等级。' },
          { en: 'The credit rating must be A, B, C or D.', zh: '信用等级必须是 A、B、C 或 D。' }),
        status: list(STATUS[lang],
          { en: 'Active, On Hold or Closed. Sales to held or closed customers are flagged.', zh: '正常、冻结或关闭。向冻结或关闭客户的销售会被标记。' },
          { en: 'The status must be one of Active, On Hold, Closed.', zh: '状态必须是 正常、冻结、关闭 之一。' }),
        email: {
          rule: (at) => ({ custom: { formula: `=ISNUMBER(FIND("@",${at.cell}))` } }),
          prompt: { en: 'Email address for statements, e.g. ar@example.com.', zh: '接收对账单的邮箱，例如 ar@example.com。' },
          error: { en: 'An email address contains “@”, e.g. ar@example.com.', zh: '邮箱地址应包含“@”，例如 ar@example.com。' },
        },
      };
    case 'sales':
      return {
        date: dateRule({ en: 'Invoice date', zh: '开票日期' }),
        docNo: unique(
          { en: 'Our document number, unique on this sheet, e.g. SO-2024-001. Required.', zh: '单据编号，在本表中唯一，例如 SO-2024-001。必填。' },
          { en: 'This Document No is already used on this sheet. Each document needs its own number.', zh: '此单据编号已在本表中使用。每张单据须有唯一编号。' },
        ),
        invoiceNo: {
          rule: (at) => ({
            custom: {
              formula: `=AND(OR(${lengths.map((n) => `LEN(${at.cell})=${n}`).join(',')}),`
                + `SUMPRODUCT(--ISNUMBER(-MID(${at.cell},ROW(INDIRECT("1:"&LEN(${at.cell}))),1)))=LEN(${at.cell}))`,
            },
          }),
          prompt: { en: `Invoice number: ${lengthWords.en} digits, e.g. 04412345. Blank if not invoiced yet.`, zh: `发票号码：${lengthWords.zh} 位数字，例如 04412345。未开票可留空。` },
          error: { en: `An invoice number has ${lengthWords.en} digits and nothing else (no spaces or letters).`, zh: `发票号码应为 ${lengthWords.zh} 位数字，不含空格或字母。` },
        },
        customerId,
        customerName: text({ en: 'As on the customers sheet; a different name is flagged.', zh: '与客户档案一致；名称不一致会被标记。' }),
        product: text({ en: 'Product name.', zh: '产品名称。' }),
        category: text({ en: 'Product category, used in the sales summary.', zh: '产品类别，用于销售汇总。' }),
        quantity: money('any',
          { en: 'Quantity; negative for a return on a credit note.', zh: '数量；红字（退货）为负数。' },
          { en: 'The quantity must be a number.', zh: '数量必须是数字。' }),
        unitPrice: money('zero',
          { en: 'Unit price before tax, 0 or more.', zh: '不含税单价，不小于 0。' },
          { en: 'The unit price must be a number of 0 or more.', zh: '单价必须是不小于 0 的数字。' }),
        amount: money('any',
          { en: 'Amount before tax = Quantity × Unit Price. Negative on a credit note. Required.', zh: '不含税金额 = 数量 × 单价。红字发票为负数。必填。' },
          { en: 'The amount must be a number (negative only for a credit note).', zh: '金额必须是数字（仅红字发票为负数）。' }),
        taxRate: list(rates,
          { en: `VAT rate: one of ${rates.join(', ')}.`, zh: `增值税税率：${rates.join('、')} 之一。` },
          { en: `The tax rate must be one of ${rates.join(', ')}.`, zh: `税率必须是 ${rates.join('、')} 之一。` }),
        tax: money('any',
          { en: 'Tax = Amount × Tax Rate, rounded to the cent.', zh: '税额 = 金额 × 税率，保留两位小数。' },
          { en: 'The tax must be a number.', zh: '税额必须是数字。' }),
        total: money('any',
          { en: 'Total = Amount + Tax.', zh: '价税合计 = 金额 + 税额。' },
          { en: 'The total must be a number.', zh: '价税合计必须是数字。' }),
        dueDate: {
          rule: (at) => {
            const start = at.other('date');
            return { custom: { formula: start ? `=AND(ISNUMBER(${at.cell}),${at.cell}>=${start})` : `=AND(ISNUMBER(${at.cell}),${at.cell}>=DATE(2000,1,1))` } };
          },
          prompt: { en: 'Due date, not before the invoice date. Blank: from the customer’s terms.', zh: '到期日，不早于开票日期。留空则按客户账期计算。' },
          error: { en: 'The due date must be a date on or after the invoice date.', zh: '到期日必须是不早于开票日期的日期。' },
        },
        salesRep: text({ en: 'The sales rep responsible.', zh: '负责的业务员。' }),
      };
    case 'receipts':
      return {
        date: dateRule({ en: 'Receipt date', zh: '收款日期' }),
        receiptNo: unique(
          { en: 'Receipt number, unique on this sheet, e.g. RC-2024-001. Required.', zh: '收款单号，在本表中唯一，例如 RC-2024-001。必填。' },
          { en: 'This Receipt No is already used on this sheet. Each receipt needs its own number.', zh: '此收款单号已在本表中使用。每笔收款须有唯一单号。' },
        ),
        customerId,
        amount: money('positive',
          { en: 'Amount received in yuan, more than 0. Required.', zh: '收款金额（元），大于 0。必填。' },
          { en: 'The amount received must be a number greater than 0.', zh: '收款金额必须是大于 0 的数字。' }),
        method: list(METHODS[lang],
          { en: 'Bank transfer, Cash, Bank acceptance bill or Other.', zh: '银行转账、现金、承兑汇票或其他。' },
          { en: 'The method must be one of Bank transfer, Cash, Bank acceptance bill, Other.', zh: '收款方式必须是 银行转账、现金、承兑汇票、其他 之一。' }),
        reference: text({ en: 'Invoice or document numbers this receipt pays, e.g. SO-2024-001.', zh: '本次收款对应的发票号或单据编号，例如 SO-2024-001。' }),
      };
    case 'statement':
      return {
        customerId,
        date: dateRule({ en: 'Date', zh: '日期' }),
        reference: text({ en: 'The document or invoice number as the customer wrote it.', zh: '对方记录的单据号或发票号。' }),
        description: text({ en: 'What the line is; “Opening balance” for the balance brought forward.', zh: '摘要；结转余额行请写“期初余额”。' }),
        billed: money('zero',
          { en: 'Amount billed to the customer (debit), 0 or more.', zh: '应收金额（借方），不小于 0。' },
          { en: 'The billed amount must be a number of 0 or more.', zh: '应收金额必须是不小于 0 的数字。' }),
        paid: money('zero',
          { en: 'Amount the customer paid (credit), 0 or more.', zh: '已付金额（贷方），不小于 0。' },
          { en: 'The paid amount must be a number of 0 or more.', zh: '已付金额必须是不小于 0 的数字。' }),
        balance: money('any',
          { en: 'Running balance after this line.', zh: '本行后的余额。' },
          { en: 'The balance must be a number.', zh: '余额必须是数字。' }),
      };
  }
}

/** "0.13" → "13%", "0.015" → "1.5%", without a float. */
export function percentText(decimal: string): string {
  const m = /^(-?)(\d*)(?:\.(\d*))?$/.exec(decimal.trim());
  if (!m) return decimal;
  const frac = (m[3] ?? '').padEnd(2, '0');
  const whole = `${m[2]}${frac.slice(0, 2)}`.replace(/^0+(?=\d)/, '');
  const rest = frac.slice(2).replace(/0+$/, '');
  return `${m[1]}${whole || '0'}${rest ? `.${rest}` : ''}%`;
}

function numberFormatOf(kind: TemplateKind, key: string): string {
  const def = fieldDef(kind, key);
  switch (def?.type) {
    case 'date': return DATE;
    case 'money': return MONEY;
    case 'quantity': return QTY;
    case 'percent': return PERCENT;
    case 'id': return TEXT;
    default: return key === 'paymentTerms' ? TEXT : 'General';
  }
}

/** The formula columns of a sales sheet when the user chose formulas (Tax, Total), given cell lookup. */
function formulaOf(kind: TemplateKind, key: string, letter: (key: string) => string | null): ((row: number) => string) | null {
  if (kind !== 'sales') return null;
  const amount = letter('amount');
  const rate = letter('taxRate');
  if (key === 'tax' && amount && rate) return (r) => `=IF(OR(${amount}${r}="",${rate}${r}=""),"",ROUND(${amount}${r}*${rate}${r},2))`;
  const tax = letter('tax');
  if (key === 'total' && amount && tax) return (r) => `=IF(${amount}${r}="","",${amount}${r}+N(${tax}${r}))`;
  return null;
}

/**
 * Lays a template out: every field in the template's order (or where `columns` puts it), each with its
 * header in the workbook's language, width, number format and validation; with `formulas`, a sales
 * sheet's Tax and Total are computed and carry no validation (they are locked under protection).
 */
export function templateLayout(kind: TemplateKind, o: LayoutOptions): TemplateLayout {
  const headerRow = o.headerRow ?? 1;
  const firstData = headerRow + 1;
  const defs = templateFields(kind);
  const positions = new Map<string, number>();
  defs.forEach((d, i) => {
    const at = o.columns ? o.columns[d.key] : i;
    if (at !== undefined) positions.set(d.key, at);
  });
  const letter = (key: string): string | null => {
    const c = positions.get(key);
    return c === undefined ? null : columnLetter(c);
  };
  const specs = ruleSpecs(kind, o);
  const columns: ColumnLayout[] = [];
  for (const d of defs) {
    const col = positions.get(d.key);
    if (col === undefined) continue;
    const l = columnLetter(col);
    const formula = o.formulas ? formulaOf(kind, d.key, letter) : null;
    const spec = specs[d.key] ?? text({ en: `${d.en}: text, up to ${MAX_TEXT} characters.`, zh: `${d.zh}：文本，不超过 ${MAX_TEXT} 个字符。` });
    const refs: ColumnRefs = {
      cell: `${l}${firstData}`,
      column: `$${l}:$${l}`,
      other: (key) => {
        const ol = letter(key);
        return ol ? `$${ol}${firstData}` : null;
      },
    };
    const title = { en: d.en, zh: d.zh };
    columns.push({
      key: d.key,
      col,
      header: d[o.lang],
      width: (WIDTHS[d.key] ?? 14) * POINTS_PER_CHAR,
      numberFormat: numberFormatOf(kind, d.key),
      validation: formula ? null : {
        rule: spec.rule(refs),
        prompt: { title: title[o.lang], message: requiredNote(spec.prompt, d.required)[o.lang] },
        errorAlert: { title: title[o.lang], message: spec.error[o.lang], style: spec.style ?? 'Stop' },
      },
      formula,
    });
  }
  columns.sort((a, b) => a.col - b.col);
  return { kind, lang: o.lang, headerRow, columns };
}

/** Required fields say so in their prompt (a blank cell passes Excel's validation, the check flags it). */
function requiredNote(prompt: Bilingual, required: boolean): Bilingual {
  if (!required || /Required\.$/.test(prompt.en)) return prompt;
  return { en: `${prompt.en} Required.`, zh: `${prompt.zh}必填。` };
}

/** An absolute reference to a column's data cells on another sheet: `'Customers'!$A$2:$A$1048576`. */
export function columnReference(sheet: string, col: number, headerRow = 1): string {
  const l = columnLetter(col);
  return `'${sheet.replace(/'/g, "''")}'!$${l}$${headerRow + 1}:$${l}$1048576`;
}

import { Bilingual } from '../model/i18n';

/**
 * Every message of parsing and validation, in English and Chinese. `{field}` is the column's header in
 * the workbook's language; values from cells are quoted so a reader sees exactly what was typed.
 */
export const MSG = {
  // type
  errorCell: { en: '{field} holds the error value {value}; enter {kind}.', zh: '{field}为错误值 {value}，请填写{kind}。' },
  booleanCell: { en: '{field} holds {value}; enter {kind}.', zh: '{field}为逻辑值 {value}，请填写{kind}。' },
  notAmount: { en: '{field} “{value}” is not {kind}.', zh: '{field}“{value}”不是{kind}。' },
  notDate: {
    en: '{field} “{value}” is not a date; write it as 2024-03-05 or 2024年3月5日.',
    zh: '{field}“{value}”不是日期，请写成 2024-03-05 或 2024年3月5日。',
  },
  merged: {
    en: 'Cells {range} are merged inside the data; unmerge them and fill in every row.',
    zh: '数据区域内 {range} 是合并单元格，请取消合并并逐行填写。',
  },
  // required
  required: { en: '{field} is required.', zh: '{field}为必填项。' },
  requiredColumn: { en: 'The sheet has no {field} column; add it.', zh: '工作表缺少“{field}”列，请添加。' },
  // range
  receiptNotPositive: { en: '{field} must be greater than 0.', zh: '{field}必须大于 0。' },
  negativeNotAllowed: { en: '{field} cannot be negative.', zh: '{field}不能为负数。' },
  negativeQuantity: {
    en: '{field} is negative on a line that is not a credit note (its amount is not negative).',
    zh: '{field}为负数，但该行金额不是负数，不是红字冲销行。',
  },
  // list
  taxRateList: { en: '{field} {value} is not one of the allowed rates ({allowed}).', zh: '{field} {value} 不在允许的税率中（{allowed}）。' },
  statusList: { en: '{field} “{value}” is not one of Active, On Hold, Closed.', zh: '{field}“{value}”不是 正常、冻结、关闭 之一。' },
  ratingList: { en: '{field} “{value}” is not one of A, B, C, D.', zh: '{field}“{value}”不是 A、B、C、D 之一。' },
  methodList: {
    en: '{field} “{value}” is not one of Bank transfer, Cash, Bank acceptance bill, Other.',
    zh: '{field}“{value}”不是 银行转账、现金、承兑汇票、其他 之一。',
  },
  // pattern
  invoiceDigits: { en: '{field} “{value}” must be digits only ({lengths} digits).', zh: '{field}“{value}”只能由数字组成（{lengths} 位）。' },
  invoiceLength: { en: '{field} “{value}” has {length} digits; expected {lengths}.', zh: '{field}“{value}”为 {length} 位，应为 {lengths} 位。' },
  email: { en: '{field} “{value}” is not a valid e-mail address.', zh: '{field}“{value}”不是有效的邮箱地址。' },
  terms: {
    en: '{field} “{value}” cannot be read; write e.g. Net 30, 30天, 月结30天 / EOM 30, or COD.',
    zh: '{field}“{value}”无法识别，请写成 Net 30、30天、月结30天 / EOM 30 或 款到发货。',
  },
  // duplicate
  duplicate: { en: '{field} {value} appears again; first at {first}.', zh: '{field} {value} 重复，首次出现在 {first}。' },
  // customers
  unknownCustomer: { en: '{field} {value} is not in the customers sheet.', zh: '{field} {value} 不在客户档案中。' },
  nameMismatch: {
    en: '{field} “{value}” differs from “{expected}” in the customers sheet for {id}.',
    zh: '{field}“{value}”与客户档案中 {id} 的“{expected}”不一致。',
  },
  // calculations
  amountCalc: { en: '{field} {actual} ≠ Quantity × Unit Price = {expected}.', zh: '{field} {actual} ≠ 数量 × 单价 = {expected}。' },
  taxCalc: { en: '{field} {actual} ≠ Amount × Tax Rate = {expected}.', zh: '{field} {actual} ≠ 金额 × 税率 = {expected}。' },
  totalCalc: { en: '{field} {actual} ≠ Amount + Tax = {expected}.', zh: '{field} {actual} ≠ 金额 + 税额 = {expected}。' },
  balanceCalc: {
    en: '{field} {actual} ≠ previous balance + billed − paid = {expected}.',
    zh: '{field} {actual} ≠ 上行余额 + 应收 − 已付 = {expected}。',
  },
  // tax id
  taxIdLength: { en: '{field} “{value}” must have 18 characters (it has {length}).', zh: '{field}“{value}”应为 18 位（现为 {length} 位）。' },
  taxIdCharset: {
    en: '{field} “{value}” holds a character a credit code cannot have (I, O, S, V, Z or a symbol).',
    zh: '{field}“{value}”含有信用代码不允许的字符（I、O、S、V、Z 或符号）。',
  },
  taxIdCheck: { en: '{field} “{value}” fails its check character (GB 32100-2015).', zh: '{field}“{value}”校验码错误（GB 32100-2015）。' },
  taxIdOrg: {
    en: '{field} “{value}”: its organisation code part fails its check (GB 11714).',
    zh: '{field}“{value}”中的组织机构代码部分校验错误（GB 11714）。',
  },
  // dates
  dateOrder: { en: '{field} {actual} is before the Date {date}.', zh: '{field} {actual} 早于日期 {date}。' },
  // headers
  unmapped: {
    en: 'Column “{header}” matches no field of the {template} template and is ignored.',
    zh: '列“{header}”与{template}模板的字段都不对应，已忽略。',
  },
} satisfies Record<string, Bilingual>;

/** What a cell should hold, for the type messages ("enter an amount"). */
export const KIND_WORDS = {
  money: { en: 'an amount', zh: '金额' },
  quantity: { en: 'a number', zh: '数字' },
  percent: { en: 'a rate such as 13%', zh: '税率（如 13%）' },
  date: { en: 'a date', zh: '日期' },
  text: { en: 'text', zh: '文本' },
  terms: { en: 'payment terms', zh: '账期' },
} satisfies Record<string, Bilingual>;

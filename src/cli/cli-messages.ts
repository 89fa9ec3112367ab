import { Bilingual } from '../core/model/i18n';

/**
 * Every line the `recon` command prints. The command does not know its reader's language, so each
 * line carries both: "English / 中文".
 */
export const CLI_TEXT = {
  usage: {
    en: 'usage: recon check <in.xlsx> [--out <out.xlsx>] [--json <report.json>] [--as-of YYYY-MM-DD] [--lang en|zh]\n       recon clear <in.xlsx> --out <out.xlsx>',
    zh: '用法：recon check <输入.xlsx> [--out <输出.xlsx>] [--json <报告.json>] [--as-of YYYY-MM-DD] [--lang en|zh]；recon clear <输入.xlsx> --out <输出.xlsx>',
  },
  noCommand: { en: 'no command given', zh: '未指定命令' },
  unknownCommand: { en: 'unknown command "{cmd}"', zh: '未知命令“{cmd}”' },
  unknownOption: { en: 'unknown option "{opt}"', zh: '未知选项“{opt}”' },
  missingValue: { en: 'option {opt} needs a value', zh: '选项 {opt} 缺少取值' },
  repeatedOption: { en: 'option {opt} given twice', zh: '选项 {opt} 重复' },
  missingInput: { en: 'no input workbook given', zh: '未指定输入工作簿' },
  extraArgument: { en: 'unexpected argument "{arg}"', zh: '多余的参数“{arg}”' },
  badDate: { en: '--as-of must be a real date as YYYY-MM-DD, not "{value}"', zh: '--as-of 须为有效日期 YYYY-MM-DD，而不是“{value}”' },
  badLang: { en: '--lang must be en or zh, not "{value}"', zh: '--lang 只能是 en 或 zh，而不是“{value}”' },
  clearNeedsOut: { en: 'clear needs --out <out.xlsx>', zh: 'clear 需要 --out <输出.xlsx>' },

  cannotRead: { en: 'cannot read "{file}": {why}', zh: '无法读取“{file}”：{why}' },
  missing: { en: 'no such file', zh: '文件不存在' },
  notAFile: { en: 'not a file', zh: '不是文件' },
  empty: { en: 'the file is empty', zh: '文件为空' },
  legacy: {
    en: 'a legacy .xls or a password-protected workbook; save it as an unprotected .xlsx',
    zh: '这是旧版 .xls 或加密工作簿，请另存为未加密的 .xlsx',
  },
  notXlsx: { en: 'not an .xlsx workbook', zh: '不是 .xlsx 工作簿' },
  corrupt: { en: 'not a readable .xlsx workbook ({detail})', zh: '无法解析的 .xlsx 工作簿（{detail}）' },
  unreadable: { en: 'the file cannot be opened ({detail})', zh: '文件无法打开（{detail}）' },
  cannotWrite: { en: 'cannot write "{file}": {detail}', zh: '无法写入“{file}”：{detail}' },
  tooLargeToAnnotate: {
    en: 'cannot write "{file}": the workbook holds {size} MB of sheet data, more than the {limit} MB the command line can annotate; use --json for the report, or the add-in in Excel',
    zh: '无法写入“{file}”：工作簿的表格数据有 {size} MB，超过命令行可标注的 {limit} MB；请用 --json 获取报告，或在 Excel 中使用加载项',
  },
  internal: { en: 'internal error: {detail}', zh: '内部错误：{detail}' },
  lostOnRewrite: {
    en: 'warning: the written copy leaves out what it cannot carry ({parts}); the input file is unchanged',
    zh: '警告：写出的副本无法保留以下内容（{parts}），输入文件未作改动',
  },
  stateUnreadable: {
    en: 'warning: the add-in state sheet could not be read; earlier highlights were left as they are',
    zh: '警告：无法读取加载项状态表，之前的标记保持原样',
  },

  checked: { en: 'Checked {file} (as of {asOf})', zh: '已检查 {file}（截止 {asOf}）' },
  noTemplates: {
    en: 'No template sheet recognised (customers, sales, receipts, statement): nothing to check',
    zh: '未识别到模板工作表（客户档案、销售台账、收款记录、客户对账单），无可检查内容',
  },
  sheetsLine: { en: 'Sheets recognised:', zh: '已识别的工作表：' },
  sheetItem: { en: '{name}: {template}, {rows} rows', zh: '{template}，{rows} 行' },
  findingsLine: {
    en: 'Findings: {error} errors, {warning} warnings, {info} info',
    zh: '问题：错误 {error}，警告 {warning}，提示 {info}',
  },
  codesLine: { en: 'By code', zh: '按代码' },
  matchesLine: { en: 'Matches: {count}', zh: '匹配：{count}' },
  wrote: { en: 'Wrote {file}', zh: '已写入 {file}' },
  marked: {
    en: '{cells} cells highlighted; sheets added: {sheets}',
    zh: '已标记 {cells} 个单元格；新增工作表：{sheets}',
  },
  cleared: { en: '{cells} cells restored, add-in sheets removed', zh: '已恢复 {cells} 个单元格，已删除加载项工作表' },
} satisfies Record<string, Bilingual>;

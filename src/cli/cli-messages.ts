import { Bilingual } from '../core/model/i18n';

/**
 * Every line the `recon` command prints. The command does not know its reader's language, so each
 * line carries both: "English / 中文".
 */
export const CLI_TEXT = {
  usage: {
    en: 'usage: recon check <in.xlsx> [--out <out.xlsx>] [--json <report.json>] [--as-of YYYY-MM-DD] [--lang en|zh] [--statements ID,ID…] [--map template.field=Header]…\n       recon clear <in.xlsx> --out <out.xlsx>\n       recon verify <file.xlsx>',
    zh: '用法：recon check <输入.xlsx> [--out <输出.xlsx>] [--json <报告.json>] [--as-of YYYY-MM-DD] [--lang en|zh] [--statements 客户编号,…] [--map 模板.字段=表头]…；recon clear <输入.xlsx> --out <输出.xlsx>；recon verify <文件.xlsx>',
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
  notAFile: { en: 'it is a folder, not a file', zh: '这是文件夹，不是文件' },
  empty: { en: 'the file is empty', zh: '文件为空' },
  unreadable: { en: 'the file cannot be opened; check that you may read it', zh: '文件无法打开，请确认有读取权限' },
  xls: {
    en: 'it is a legacy Excel 97-2003 workbook (.xls); open it in Excel and save it as .xlsx',
    zh: '这是旧版 Excel 97-2003 工作簿（.xls），请在 Excel 中打开并另存为 .xlsx',
  },
  encrypted: {
    en: 'it is protected with a password (encrypted); open it in Excel, remove the password and save it as .xlsx',
    zh: '工作簿已设置密码（已加密），请在 Excel 中打开、取消密码并另存为 .xlsx',
  },
  xlsOld: {
    en: 'it is an Excel 2.x–4.0 worksheet (.xls) from before Excel 97; open it in Excel or LibreOffice and save it as .xlsx',
    zh: '这是 Excel 97 之前的 Excel 2.x–4.0 工作表（.xls），请在 Excel 或 LibreOffice 中打开并另存为 .xlsx',
  },
  oleOther: {
    en: 'it is an old Office file but not a workbook; save the workbook as .xlsx',
    zh: '这是旧版 Office 文件而不是工作簿，请将工作簿另存为 .xlsx',
  },
  xml2003: {
    en: 'it is an Excel 2003 XML spreadsheet; open it in Excel and save it as .xlsx',
    zh: '这是 Excel 2003 XML 表格，请在 Excel 中打开并另存为 .xlsx',
  },
  html: {
    en: 'it is a web page (HTML) with a spreadsheet name; open it in Excel and save it as .xlsx',
    zh: '这是以表格文件命名的网页（HTML），请在 Excel 中打开并另存为 .xlsx',
  },
  ods: {
    en: 'it is an OpenDocument spreadsheet (.ods); open it in LibreOffice Calc or Excel and save it as .xlsx',
    zh: '这是 OpenDocument 表格（.ods），请在 LibreOffice Calc 或 Excel 中打开并另存为 .xlsx',
  },
  xlsb: {
    en: 'it is an Excel binary workbook (.xlsb); open it in Excel and save it as .xlsx',
    zh: '这是 Excel 二进制工作簿（.xlsb），请在 Excel 中打开并另存为 .xlsx',
  },
  numbers: {
    en: 'it is an Apple Numbers document; export it from Numbers as Excel (.xlsx)',
    zh: '这是 Apple Numbers 文稿，请在 Numbers 中导出为 Excel（.xlsx）',
  },
  otherOffice: {
    en: 'it is an office document but not a workbook; save the workbook as .xlsx',
    zh: '这是办公文档而不是工作簿，请将工作簿另存为 .xlsx',
  },
  notXlsx: {
    en: 'not an .xlsx workbook; save it from your spreadsheet program as .xlsx',
    zh: '不是 .xlsx 工作簿，请在表格软件中另存为 .xlsx',
  },
  corrupt: {
    en: 'the workbook is damaged ({part} cannot be read); open it in Excel, let Excel repair it, and save it as .xlsx',
    zh: '工作簿已损坏（无法读取 {part}），请在 Excel 中打开、修复后另存为 .xlsx',
  },
  corruptPackage: {
    en: 'the file is a damaged zip package, not a readable workbook; open it in Excel, let Excel repair it, and save it as .xlsx',
    zh: '文件是损坏的压缩包，无法作为工作簿读取，请在 Excel 中打开、修复后另存为 .xlsx',
  },
  noWorksheet: {
    en: 'it holds no worksheet with cells (only chart sheets, or none), so there is nothing to check',
    zh: '其中没有含单元格的工作表（只有图表工作表或没有工作表），无可检查内容',
  },
  cannotWrite: { en: 'cannot write "{file}": {why}', zh: '无法写入“{file}”：{why}' },
  writeDenied: { en: 'permission denied', zh: '没有写入权限' },
  writeNoSpace: { en: 'the disk is full', zh: '磁盘已满' },
  writeIsFolder: { en: 'it is a folder', zh: '这是一个文件夹' },
  writeNoFolder: { en: 'its folder cannot be created', zh: '无法创建其所在文件夹' },
  writeReadOnly: { en: 'the disk is read-only', zh: '磁盘为只读' },
  writeBusy: { en: 'the file is in use by another program', zh: '文件正被其他程序使用' },
  writeOther: { en: 'the system refused to write it ({code})', zh: '系统拒绝写入（{code}）' },
  outIsInput: {
    en: 'cannot write "{file}": it is the input workbook, which is never changed; name another file',
    zh: '无法写入“{file}”：这是输入工作簿，输入文件不会被改动，请另选文件名',
  },
  cannotCarrySheets: {
    en: 'cannot write "{file}": the copy would lose the sheets {sheets}, which the command line cannot carry yet; the input is unchanged',
    zh: '无法写入“{file}”：副本会丢失工作表 {sheets}（命令行暂时无法保留）；输入文件未作改动',
  },
  cannotCarryValues: {
    en: 'cannot write "{file}": the copy would change values on {sheets}; the input is unchanged',
    zh: '无法写入“{file}”：副本会改变 {sheets} 中的数值；输入文件未作改动',
  },
  cannotRewrite: {
    en: 'cannot write "{file}": the command line cannot rewrite this workbook yet; the input is unchanged',
    zh: '无法写入“{file}”：命令行暂时无法改写此工作簿；输入文件未作改动',
  },
  needsXlsm: {
    en: 'cannot write "{file}": the workbook holds macros, which Excel opens only from a .xlsm file; name the copy .xlsm',
    zh: '无法写入“{file}”：工作簿含有宏，Excel 只能从 .xlsm 文件打开，请将副本命名为 .xlsm',
  },
  reportWritten: { en: ' (the report {json} was written)', zh: '（报告 {json} 已写入）' },
  tooLargeToAnnotate: {
    en: 'cannot write "{file}": the workbook holds {size} MB of sheet data, more than the {limit} MB the command line can annotate; use --json for the report, or the add-in in Excel',
    zh: '无法写入“{file}”：工作簿的表格数据有 {size} MB，超过命令行可标注的 {limit} MB；请用 --json 获取报告，或在 Excel 中使用加载项',
  },
  noTemplatesCopied: {
    en: 'No template sheet recognised, so nothing was added: {file} is a copy of the input, unchanged',
    zh: '未识别到模板工作表，未作任何添加：{file} 是输入文件的原样副本',
  },
  internal: { en: 'internal error (a bug in recon, not in your workbook); run again with RECON_DEBUG=1 to see where', zh: '内部错误（recon 的缺陷，并非工作簿的问题）；可设置 RECON_DEBUG=1 重新运行查看位置' },
  lostOnRewrite: {
    en: 'warning: the written copy leaves out what it cannot carry ({parts}); the input file is unchanged',
    zh: '警告：写出的副本无法保留以下内容（{parts}），输入文件未作改动',
  },
  stateUnreadable: {
    en: 'warning: the add-in state sheet could not be read; earlier highlights were left as they are',
    zh: '警告：无法读取加载项状态表，之前的标记保持原样',
  },

  auditIntact: { en: 'Audit Log intact: {rows} rows, every hash follows the row before', zh: '审计日志完整：共 {rows} 行，每行哈希均与上一行衔接' },
  auditAltered: { en: 'Audit Log altered: row {row} (#{seq}) does not match its hash; it or a row before it was changed, inserted or deleted', zh: '审计日志被改动：第 {row} 行（序号 {seq}）与其哈希不符；该行或其之前的行被修改、插入或删除' },
  auditMissing: { en: 'No Audit Log in {file}: run recon check --out first', zh: '{file} 中没有审计日志：请先运行 recon check --out' },
  checked: { en: 'Checked {file} (as of {asOf})', zh: '已检查 {file}（截止 {asOf}）' },
  noTemplates: {
    en: 'No template sheet recognised (customers, sales, receipts, statement): nothing to check',
    zh: '未识别到模板工作表（客户档案、销售台账、收款记录、客户对账单），无可检查内容',
  },
  sheetsLine: { en: 'Sheets recognised:', zh: '已识别的工作表：' },
  asOfFromData: { en: 'No as-of date given or saved: the latest date in the data is used', zh: '未指定或保存截止日期：使用数据中的最晚日期' },
  asOfToday: { en: 'No as-of date given or saved, and no date in the data: today is used', zh: '未指定或保存截止日期，数据中也无日期：使用今天' },
  inferredLine: { en: 'Columns recognised from their content (check them, or map them with --map):', zh: '根据内容识别的列（请核对，或用 --map 指定）：' },
  rejectedLine: { en: 'Columns not mapped because their values do not fit:', zh: '因数值不符而未映射的列：' },
  skippedLine: { en: 'Checks that did not run:', zh: '未运行的检查：' },
  unrecognisedLine: { en: 'Sheets holding data that match no template:', zh: '有数据但不对应任何模板的工作表：' },
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

import { columnLetter } from '../model/cells';
import { Bilingual, fmt, Lang } from '../model/i18n';
import { ColumnReport, SheetReport, UnrecognisedSheetReport } from '../output/report';
import { TEMPLATE_NAMES } from './template-fields';
import { SheetMapping, UnrecognisedSheet } from './templates';

const UNRECOGNISED: Bilingual = {
  en: 'Sheet “{sheet}” holds data but matches no template; the closest is {template}, which needs the columns {missing}. Rename those headers or map them (recon check --map {example}=<header>).',
  zh: '工作表“{sheet}”有数据，但与任何模板都不对应；最接近的是{template}，还缺少 {missing} 列。请修改表头或进行列映射（recon check --map {example}=<表头>）。',
};

/** A sheet no template fits, for the report and the CLI: closest template and the missing columns. */
export function unrecognisedReport(u: UnrecognisedSheet, lang: Lang): UnrecognisedSheetReport {
  const missing = u.missing.map((m) => `${u.closest}.${m.field}`);
  const names = u.missing.map((m) => (lang === 'zh' ? `“${m.zh}”` : m.en)).join(lang === 'zh' ? '、' : ', ');
  const message = fmt(UNRECOGNISED, lang, {
    sheet: u.sheet, template: TEMPLATE_NAMES[u.closest][lang], missing: names, example: missing[0] ?? `${u.closest}.field`,
  });
  return { name: u.sheet, closest: u.closest, headerRow: u.headerRow, missing, message };
}

/** How a sheet was read, for the report: header row, each mapped column with its reason, forms, ignored rows. */
export function sheetReport(m: SheetMapping, rows: number, lang: Lang): SheetReport {
  const out: SheetReport = { name: m.sheet, template: m.template, rows, headerRow: m.headerRow };
  if (m.evidence) {
    const columns: ColumnReport[] = m.evidence
      .filter((e) => (m.columns as Partial<Record<string, number>>)[e.field] === e.col)
      .map((e) => ({ field: e.field, column: columnLetter(e.col), header: e.header, source: e.source, confidence: e.confidence, reason: e.reason[lang] }))
      .sort((a, b) => a.column.length - b.column.length || (a.column < b.column ? -1 : 1));
    out.columns = columns;
  }
  if (m.rejected && m.rejected.length > 0) {
    out.rejected = m.rejected.map((r) => ({ field: r.field, column: columnLetter(r.col), header: r.header, reason: r.reason[lang] }));
  }
  if (m.forms && m.forms.length > 0) {
    out.forms = m.forms.map(({ col, ...rest }) => ({ ...rest, column: columnLetter(col) }));
  }
  if (m.ignored && (m.ignored.totals.length > 0 || m.ignored.tailFrom > 0)) out.ignoredRows = m.ignored;
  if (m.lineItems) out.lineItems = m.lineItems;
  return out;
}

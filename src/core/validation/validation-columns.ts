import { headerForms } from '../templates/header-recognition';
import { ParsedWorkbook } from '../model/records';
import { fieldLabel, TEMPLATE_NAMES, templateFields } from '../templates/template-fields';
import { SheetMapping } from '../templates/templates';
import { RuleContext } from './validation-context';
import { MSG } from './validation-messages';

/** Every mapping of the workbook, whatever its template. */
export function allMappings(parsed: ParsedWorkbook): SheetMapping[] {
  return [...parsed.customers, ...parsed.sales, ...parsed.receipts, ...parsed.statements].map((t) => t.mapping);
}

/**
 * Header-level findings: `unmapped-column` (info) at each header cell that names no field of the
 * sheet's template or whose mapping was taken back because its values fail the field's rule, and `required` at the first free header cell for each required field whose column
 * is missing altogether (the rows cannot be checked for it, so the sheet is told once).
 */
export function checkColumns(parsed: ParsedWorkbook, ctx: RuleContext): void {
  const { sink, lang } = ctx;
  for (const m of allMappings(parsed)) {
    const template = TEMPLATE_NAMES[m.template][lang];
    for (const u of m.unmapped) {
      sink.add({
        code: 'unmapped-column', sheet: m.sheet, row: m.headerRow, col: u.col, key: '#header',
        field: headerForms(u.header)[0] || u.header, text: MSG.unmapped, params: { header: u.header, template },
      });
    }
    // A column taken back (most values fail its field's rule) is told once, at its header.
    for (const r of m.rejected ?? []) {
      sink.add({
        code: 'unmapped-column', sheet: m.sheet, row: m.headerRow, col: r.col, key: '#header', field: `rejected:${r.field}`, text: r.reason,
      });
    }
    const columns = m.columns as Partial<Record<string, number>>;
    let lastCol = -1;
    for (const c of Object.values(columns)) if (c !== undefined && c > lastCol) lastCol = c;
    for (const u of m.unmapped) if (u.col > lastCol) lastCol = u.col;
    for (const def of templateFields(m.template)) {
      if (!def.required || columns[def.key] !== undefined) continue;
      // An invoice-only export (one number per document) uses its Invoice No as the document number.
      if (m.template === 'sales' && def.key === 'docNo' && columns.invoiceNo !== undefined) continue;
      sink.add({
        code: 'required', sheet: m.sheet, row: m.headerRow, col: lastCol + 1, key: '#columns', field: def.key,
        text: MSG.requiredColumn, params: { field: fieldLabel(m.template, def.key, lang) },
      });
    }
  }
}

import { cellText, columnLetter, SheetGrid } from '../core/model/cells';
import { Lang } from '../core/model/i18n';
import { resolveSettings, Settings } from '../core/model/settings';
import { uniqueSheetName } from '../core/model/sheet-names';
import { mapHeaders, recognizeSheets } from '../core/templates/header-recognition';
import { TEMPLATE_NAMES, templateFields } from '../core/templates/template-fields';
import { ColumnLayout, columnReference, templateLayout, TemplateLayout } from '../core/templates/template-layout';
import { SheetMapping, TemplateKind } from '../core/templates/templates';
import { ExcelHost } from './host';
import { AdapterError } from './office-errors';
import { OpResult } from './ops';
import { normalizeRows } from './read-workbook';
import { templateFailure } from './template-messages';

/**
 * Lays a template onto the workbook: a new sheet (headers in the workbook's language, widths, number
 * formats, a frozen header row, an Excel table, data validation with prompts and alerts on every input
 * column, optional Tax/Total formulas, optional protection) or an existing sheet (its data kept; the
 * columns it already has get the validation and formats). Every API here is in ExcelApi 1.9 or lower:
 * data validation 1.8, freeze panes 1.7, protection and format.protection 1.2, tables 1.1.
 */

/** Excel's last row, 1-based: validation and formats cover a column down to it so new rows inherit them. */
const LAST_ROW = 1_048_576;
/** First rows read to recognise the sheets (title rows and two-row headers included). */
const HEADER_SCAN = 'A1:AX10';
/** Header look: bold on a light fill (the table's style shows through on inserted templates). */
const HEADER_FILL = '#DDEBF7';
/** Blank rows an inserted table starts with: enough for a month of entries, formulas filled down. */
export const DEFAULT_TABLE_ROWS = 200;

/**
 * What a protected template still lets a rep do: format cells (the live check's highlights and the
 * check's marks need it), sort and filter, insert and delete rows. Everything else stays locked.
 */
export const TEMPLATE_PROTECTION = {
  allowFormatCells: true,
  allowFormatColumns: true,
  allowAutoFilter: true,
  allowSort: true,
  allowInsertRows: true,
  allowDeleteRows: true,
} as const;

export interface TemplateOptions {
  kind: TemplateKind;
  /** The workbook's language: headers, prompts, alerts and list words are written in it. */
  lang: Lang;
  /** Tax and Total as locked formulas (sales). */
  formulas?: boolean;
  /** Protect the sheet: headers and formula columns locked, input cells editable. */
  protect?: boolean;
  /** Optional protection password (Excel stores only its hash). */
  password?: string;
  /** Allowed tax rates and invoice-number lengths (default DESIGN.md's). */
  settings?: Partial<Settings>;
}

export interface InsertOptions extends TemplateOptions {
  /** Blank table rows to start with (default {@link DEFAULT_TABLE_ROWS}). */
  rows?: number;
}

export interface ApplyOptions extends TemplateOptions {
  sheet: string;
}

/** What was laid out, for the pane to report. */
export interface TemplateResult {
  sheet: string;
  kind: TemplateKind;
  /** Columns that got their format and validation. */
  columns: { key: string; header: string; address: string }[];
  /** Template fields the sheet does not have (apply only), as headers in the workbook's language. */
  missing: string[];
  /** Customer ID is a drop-down from this customers sheet, or null when the workbook has none. */
  customerList: string | null;
  protected: boolean;
}

interface SheetHeads {
  names: string[];
  grids: SheetGrid[];
}

/** Loads every sheet's name, then its first rows (two syncs). */
async function readHeads(context: Excel.RequestContext): Promise<SheetHeads> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  await context.sync();
  const names = sheets.items.map((s) => s.name);
  const ranges = sheets.items.map((s) => s.getRange(HEADER_SCAN).load('values,valueTypes'));
  await context.sync();
  const grids = names.map((name, i) => ({ name, rows: normalizeRows(ranges[i].values, ranges[i].valueTypes as string[][]) }));
  return { names, grids };
}

/** The customers sheet's Customer ID data cells, or null when no sheet is recognised as customers. */
function customerIdsOf(mappings: SheetMapping[], except?: string): { sheet: string; ref: string } | null {
  const m = mappings.find((x) => x.template === 'customers' && x.sheet !== except && x.columns.customerId !== undefined);
  if (!m) return null;
  const col = (m.columns as Partial<Record<string, number>>).customerId as number;
  return { sheet: m.sheet, ref: columnReference(m.sheet, col, m.headerRow) };
}

/** Data cells of a column from the first data row to the bottom of the sheet: "C2:C1048576". */
function dataColumn(col: number, headerRow: number): string {
  const l = columnLetter(col);
  return `${l}${headerRow + 1}:${l}${LAST_ROW}`;
}

/**
 * Sets a property to one value for every cell of a range. Office.js documents that a single value
 * applies to all cells of the range; its typings only describe the 2-D form, hence the cast.
 */
function setUniform(range: Excel.Range, prop: 'numberFormat', value: string): void {
  (range as unknown as Record<typeof prop, unknown>)[prop] = value;
}

/** Queues a column's width, number format and validation. */
function queueColumn(ws: Excel.Worksheet, c: ColumnLayout, headerRow: number): void {
  const l = columnLetter(c.col);
  ws.getRange(`${l}:${l}`).format.columnWidth = c.width;
  const data = ws.getRange(dataColumn(c.col, headerRow));
  setUniform(data, 'numberFormat', c.numberFormat);
  data.dataValidation.clear();
  if (!c.validation) return;
  const dv = data.dataValidation;
  dv.rule = c.validation.rule as Excel.DataValidationRule;
  dv.ignoreBlanks = true;
  dv.prompt = { showPrompt: true, title: c.validation.prompt.title, message: c.validation.prompt.message };
  dv.errorAlert = {
    showAlert: true,
    style: c.validation.errorAlert.style,
    title: c.validation.errorAlert.title,
    message: c.validation.errorAlert.message,
  };
}

/** Queues protection: input columns' data cells unlocked, headers and formula columns locked. */
function queueProtection(ws: Excel.Worksheet, layout: TemplateLayout, inputCols: number[], password: string | undefined): void {
  if (inputCols.length > 0) {
    ws.getRanges(inputCols.map((c) => dataColumn(c, layout.headerRow)).join(',')).format.protection.locked = false;
  }
  ws.protection.protect({ ...TEMPLATE_PROTECTION }, password ? password : undefined);
}

function resultColumns(layout: TemplateLayout): TemplateResult['columns'] {
  return layout.columns.map((c) => ({ key: c.key, header: c.header, address: dataColumn(c.col, layout.headerRow) }));
}

/**
 * Inserts a template as a new sheet named for it in the workbook's language ("Sales" / "销售台账", made
 * unique), activated. Customer ID becomes a drop-down from the customers sheet when there is one.
 * Three syncs whatever the workbook holds.
 */
export async function insertTemplate(host: ExcelHost, o: InsertOptions): Promise<OpResult<TemplateResult>> {
  try {
    const value = await host.run(async (context) => {
      const heads = await readHeads(context);
      const settings = resolveSettings({ ...o.settings, lang: o.lang });
      const customers = o.kind === 'customers' ? null : customerIdsOf(recognizeSheets(heads.grids, settings));
      const layout = templateLayout(o.kind, { lang: o.lang, formulas: o.formulas === true, settings, customerIds: customers?.ref ?? null });
      const name = uniqueSheetName(TEMPLATE_NAMES[o.kind][o.lang], new Set(heads.names.map((n) => n.toLowerCase())));
      const rows = Math.max(1, o.rows ?? DEFAULT_TABLE_ROWS);
      const ws = context.workbook.worksheets.add(name);
      const lastCol = columnLetter(layout.columns.length - 1);
      const header = ws.getRange(`A1:${lastCol}1`);
      header.values = [layout.columns.map((c) => c.header)];
      header.format.font.bold = true;
      header.format.fill.color = HEADER_FILL;
      for (const c of layout.columns) queueColumn(ws, c, layout.headerRow);
      for (const c of layout.columns) {
        if (!c.formula) continue;
        const l = columnLetter(c.col);
        const formula = c.formula;
        ws.getRange(`${l}2:${l}${rows + 1}`).formulas = Array.from({ length: rows }, (_, i) => [formula(i + 2)]);
      }
      ws.tables.add(`A1:${lastCol}${rows + 1}`, true);
      ws.freezePanes.freezeRows(1);
      if (o.protect) queueProtection(ws, layout, layout.columns.filter((c) => !c.formula).map((c) => c.col), o.password);
      ws.activate();
      await context.sync();
      return {
        sheet: name,
        kind: o.kind,
        columns: resultColumns(layout),
        missing: [],
        customerList: customers?.sheet ?? null,
        protected: o.protect === true,
      };
    });
    return { ok: true, value };
  } catch (e) {
    return templateFailure(e, o.lang);
  }
}

/**
 * Applies a template to an existing sheet whose header row (row 1) names some of the template's
 * columns: those columns get the template's number formats, widths and validation, the header row is
 * frozen and, when asked, the sheet is protected with every data cell editable. No value is changed and
 * no column is added: the template fields the sheet lacks are reported instead.
 */
export async function applyTemplate(host: ExcelHost, o: ApplyOptions): Promise<OpResult<TemplateResult>> {
  try {
    const value = await host.run(async (context) => {
      const heads = await readHeads(context);
      const index = heads.names.findIndex((n) => n.toLowerCase() === o.sheet.toLowerCase());
      if (index < 0) throw new AdapterError('TemplateSheetNotFound', { sheet: o.sheet });
      const sheetName = heads.names[index];
      const settings = resolveSettings({ ...o.settings, lang: o.lang });
      // The engine's own reading of the sheet (header under titles, export names, content) when it sees
      // this template there; else the first row read against the template's headers.
      const recognised = recognizeSheets(heads.grids, settings).find((m) => m.sheet === sheetName && m.template === o.kind);
      const mapping = recognised ?? mapHeaders(sheetName, o.kind, Array.from(heads.grids[index].rows[0] ?? [], (v) => cellText(v).trim()), settings);
      const headers = Array.from(heads.grids[index].rows[mapping.headerRow - 1] ?? [], (v) => cellText(v).trim());
      const columns = mapping.columns as Partial<Record<string, number>>;
      if (Object.keys(columns).length === 0) {
        const fields = templateFields(o.kind);
        throw new AdapterError('TemplateNoColumns', {
          sheet: sheetName,
          template: TEMPLATE_NAMES[o.kind][o.lang],
          expected: fields.slice(0, 3).map((f) => f[o.lang]).join(o.lang === 'zh' ? '、' : ', '),
        });
      }
      const customers = o.kind === 'customers' ? null : customerIdsOf(recognizeSheets(heads.grids, settings), sheetName);
      const layout = templateLayout(o.kind, { lang: o.lang, columns, headerRow: mapping.headerRow, settings, customerIds: customers?.ref ?? null });
      const ws = context.workbook.worksheets.getItem(sheetName);
      ws.protection.load('protected');
      await context.sync();
      if (ws.protection.protected) throw new AdapterError('TemplateSheetProtected', { sheet: sheetName });
      for (const c of layout.columns) queueColumn(ws, c, layout.headerRow);
      ws.getRange(`A${layout.headerRow}:${columnLetter(Math.max(headers.length, 1) - 1)}${layout.headerRow}`).format.font.bold = true;
      ws.freezePanes.freezeRows(layout.headerRow);
      if (o.protect) {
        const width = Math.max(headers.length, ...layout.columns.map((c) => c.col + 1));
        queueProtection(ws, layout, Array.from({ length: width }, (_, i) => i), o.password);
      }
      await context.sync();
      const missing = templateFields(o.kind).filter((f) => columns[f.key] === undefined).map((f) => f[o.lang]);
      return {
        sheet: sheetName,
        kind: o.kind,
        columns: resultColumns(layout),
        missing,
        customerList: customers?.sheet ?? null,
        protected: o.protect === true,
      };
    });
    return { ok: true, value };
  } catch (e) {
    return templateFailure(e, o.lang);
  }
}

import Decimal from 'decimal.js';
import { Severity } from '../core/model/findings';
import { CellStyle, ChartSpec, ColumnFormat, OutCell, outStyle, outValue, OwnedSheet, PageSetup, SEVERITY_FILL, SEVERITY_FONT, sheetLayout } from '../core/output/plan';
import { ADDRESS_LIMIT, addressLists, areaAddress, cellsToAreas, joinAddresses, quotedSheet } from './addresses';
import { cellAddress } from '../core/model/cells';
import { Batcher, jsonBytes, opBytes, SharedProxy } from './batcher';

/**
 * Writing the sheets the add-in owns (Findings, Reconciliation, …) from the plan. Every string goes into
 * a cell formatted as text ("@") before the value is written, so Excel never turns text from the data
 * into a number, a date or a formula ("=…", "+…", "-…", "@…" stay text); money is a number with a
 * money format; links point at cells through Range.hyperlink.
 */

/** Excel's limit on a sheet name's length. */
/** Excel's limit on a cell's text. */
const MAX_CELL_TEXT = 32_767;
/** Points per character of column width (Excel's default 8.43 characters are 48 points). */
const POINTS_PER_CHAR = 5.7;
/** Bytes of values and formats per write operation; a sync packs several. */
const CHUNK_BYTES = 600_000;
const LINK_COLOR = '#0563C1';

const NUMBER_FORMATS: Record<ColumnFormat, string> = {
  text: 'General',
  money: '#,##0.00',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
  int: '0',
  percent: '0.0%',
};
const TEXT = '@';

/** Characters Excel cannot keep in a cell. */
const INVALID_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text as a cell can hold it. */
export function cellText(text: string): string {
  const clean = text.replace(INVALID_CHARS, '\uFFFD');
  return clean.length > MAX_CELL_TEXT ? `${clean.slice(0, MAX_CELL_TEXT - 1)}…` : clean;
}

/**
 * Text that Range.values can never take for a formula. Microsoft's reference for `Range.values`
 * (@types/office-js, ExcelApi 1.1) says a value that "starts with a plus ("+"), minus ("-"), or equal sign
 * ("="), Excel interprets ... as a formula", and says nothing of the Text number format, so that format
 * is not relied on. Such text (and text starting with `@` or with an apostrophe itself) is written with
 * Excel's quote prefix, the apostrophe that makes an entry text and is not part of the value (office-js
 * #6687: Excel keeps `'=…` entries as strings and reports them without the apostrophe), in a General
 * cell, where the prefix is honoured. All other text keeps the Text format, so `00123` stays text.
 */
export function textCell(text: string): { value: string; format: string } {
  const clean = cellText(text);
  if (!/^[=+\-@']/.test(clean)) return { value: clean, format: TEXT };
  // The prefix counts against the cell's limit on the way in.
  const body = clean.length >= MAX_CELL_TEXT ? `${clean.slice(0, MAX_CELL_TEXT - 2)}…` : clean;
  return { value: `'${body}`, format: NUMBER_FORMATS.text };
}

/** A cell ready for Excel: the value, its number format, and a link if it is one. */
interface Prepared {
  value: string | number | null;
  format: string | null;
  link?: { text: string; reference: string };
}

/** Money as a number when the double keeps every digit of the decimal, else as exact text. */
function money(decimal: string): Prepared {
  let d: Decimal;
  try {
    d = new Decimal(decimal);
  } catch {
    return textCell(decimal);
  }
  // The one conversion out of exact decimals: a cell holds a double; checked to be lossless.
  const n = d.toNumber();
  return Number.isFinite(n) && new Decimal(n).eq(d) ? { value: n, format: NUMBER_FORMATS.money } : { value: d.toFixed(), format: TEXT };
}

function prepare(cell: OutCell, columnFormat: ColumnFormat | undefined, renames: ReadonlyMap<string, string>): Prepared {
  const v = outValue(cell);
  const format = outStyle(cell)?.format ?? columnFormat;
  if (v === null) return { value: null, format: null };
  if (typeof v === 'string') return textCell(v);
  if (typeof v === 'number') return { value: v, format: format && format !== 'text' ? NUMBER_FORMATS[format] : 'General' };
  if ('money' in v) return money(v.money);
  if ('date' in v) return { value: v.date, format: format === 'datetime' ? NUMBER_FORMATS.datetime : NUMBER_FORMATS.date };
  // Built by the product, never from data text (see OutValue); Range.values takes `=` text as a formula.
  if ('formula' in v) return { value: `=${v.formula}`, format: NUMBER_FORMATS[v.format ?? format ?? 'text'] };
  const { text, sheet, cell: target } = v.link;
  const to = renames.get(sheet) ?? sheet;
  const shown = textCell(text);
  return { ...shown, link: { text: cellText(text), reference: `${quotedSheet(to)}!${target}` } };
}

/** What writing one owned sheet queued, for the bench. */
export interface OwnedSheetWrite {
  /** Multi-area fill calls made on this sheet. */
  fillCalls: number;
  /** Multi-area calls drawing cell styles (one per distinct style and address list). */
  styleCalls: number;
}

const HEADER_STYLE: CellStyle = { bold: true, fill: 'D9D9D9', border: 'bottom', wrap: true };
const TITLE_STYLE: CellStyle = { bold: true, size: 14 };
const ALIGNMENTS: Record<NonNullable<CellStyle['align']>, 'Left' | 'Center' | 'Right'> = { left: 'Left', center: 'Center', right: 'Right' };

/** Border lines to draw for a style, as Excel's border indexes: inside lines give every cell of an area its side. */
function borderLines(kind: CellStyle['border']): { index: Excel.BorderIndex | 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideHorizontal' | 'InsideVertical'; style: 'Continuous' | 'Double' }[] {
  switch (kind) {
    case 'box':
      return (['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'] as const).map((index) => ({ index, style: 'Continuous' as const }));
    case 'top':
      return [{ index: 'EdgeTop', style: 'Continuous' }, { index: 'InsideHorizontal', style: 'Continuous' }];
    case 'bottom':
      return [{ index: 'EdgeBottom', style: 'Continuous' }, { index: 'InsideHorizontal', style: 'Continuous' }];
    case 'double-bottom':
      return [{ index: 'EdgeBottom', style: 'Double' }, { index: 'InsideHorizontal', style: 'Double' }];
    default:
      return [];
  }
}

/**
 * The object paths and actions {@link applyStyle} queues for a style, beyond the format's own path:
 * keep the two in step.
 */
function styleOps(style: CellStyle): { paths: number; actions: number } {
  let paths = 0;
  let actions = 0;
  const font = [style.bold, style.italic, style.size].filter(Boolean).length;
  if (font) {
    paths++;
    actions += font;
  }
  if (style.wrap) actions += 2;
  if (style.align) actions++;
  if (style.fill) {
    paths++;
    actions++;
  }
  const lines = borderLines(style.border).length;
  if (lines) {
    paths += 1 + lines;
    actions += 2 * lines;
  }
  if (style.unlocked) {
    paths++;
    actions++;
  }
  return { paths, actions };
}

/** Bytes of the arguments of one of {@link applyStyle}'s actions at most ("Continuous", "#D9D9D9", "Center", 14, true). */
const STYLE_VALUE_BYTES = 20;

/** Sets every field of a style on a format (of a range or of several areas at once). */
function applyStyle(format: Excel.RangeFormat, style: CellStyle): void {
  if (style.bold) format.font.bold = true;
  if (style.italic) format.font.italic = true;
  if (style.size) format.font.size = style.size;
  if (style.wrap) {
    format.wrapText = true;
    format.verticalAlignment = 'Top';
  }
  if (style.align) format.horizontalAlignment = ALIGNMENTS[style.align];
  if (style.fill) format.fill.color = `#${style.fill}`;
  for (const line of borderLines(style.border)) {
    const border = format.borders.getItem(line.index);
    border.style = line.style;
    // A double line has no weight of its own in Excel; thin is what it takes.
    border.weight = 'Thin';
  }
  if (style.unlocked) format.protection.locked = false;
}

/** Excel's chart type for each plan chart type: clustered (or stacked) columns and bars, a plain line, a pie. */
function chartType(chart: ChartSpec): 'ColumnClustered' | 'ColumnStacked' | 'BarClustered' | 'BarStacked' | 'Line' | 'Pie' {
  switch (chart.type) {
    case 'column':
      return chart.stacked ? 'ColumnStacked' : 'ColumnClustered';
    case 'bar':
      return chart.stacked ? 'BarStacked' : 'BarClustered';
    case 'line':
      return 'Line';
    case 'pie':
      return 'Pie';
  }
}

/**
 * Draws a chart (ExcelApi 1.1: ChartCollection.add, its chart types ColumnStacked and BarStacked
 * included, ChartTitle.text, Chart.setPosition). The plan's
 * source block has categories in its first column and series names in its first row, so series run
 * down the columns. An owned sheet is rebuilt as a new sheet and the old one deleted, which takes its
 * charts with it: charts never pile up over runs.
 */
function queueChart(ws: Excel.Worksheet, chart: ChartSpec): void {
  const drawn = ws.charts.add(chartType(chart), ws.getRange(chart.source), 'Columns');
  drawn.title.text = chart.title;
  if (chart.type === 'bar' && chart.firstOnTop) {
    // A ranking reads top down, Excel draws the first category at the bottom: reverse the categories
    // (ExcelApi 1.7) and keep the value axis at the bottom, where the last category now is (1.8).
    const axis = drawn.axes.categoryAxis;
    axis.reversePlotOrder = true;
    axis.position = 'Maximum';
  }
  drawn.setPosition(chart.from, chart.to);
}

/**
 * Bytes {@link applyPage} queues at most: the page layout's path and up to four sets and a call on it,
 * then the header/footer group's two paths and up to three footer sets.
 */
function pageBytes(page: PageSetup): number {
  const footer = page.footer;
  const footers = footer ? jsonBytes(footer.left ?? '') + jsonBytes(footer.center ?? '') + jsonBytes(footer.right ?? '') : 0;
  return opBytes(3, 8, 200 + footers);
}

/** Footer sections as Excel's header/footer group takes them. */
function applyPage(ws: Excel.Worksheet, page: PageSetup): void {
  const layout = ws.pageLayout;
  layout.paperSize = 'A4';
  layout.orientation = page.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  // 0 pages tall: as many as the rows need.
  if (page.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  if (page.printTitleRows) layout.setPrintTitleRows(`$${page.printTitleRows.first}:$${page.printTitleRows.last}`);
  const footer = page.footer;
  if (footer) {
    const all = layout.headersFooters.defaultForAllPages;
    if (footer.left) all.leftFooter = footer.left;
    if (footer.center) all.centerFooter = footer.center;
    if (footer.right) all.rightFooter = footer.right;
  }
}

/**
 * Queues the creation of an owned sheet under `name` and everything on it: preamble, header (bold,
 * shaded, frozen) unless `headerRow` is false, rows in chunks, links, cell styles (one multi-area call
 * per distinct style), row and legend fills, merges, column widths, wrapping columns, drop-down choices,
 * page setup (ExcelApi 1.9's pageLayout), protection with unlocked cells, and activation.
 * `renames` maps plan sheet names to the names they will have, so links follow renamed owned sheets.
 */
export async function queueOwnedSheet(
  context: Excel.RequestContext,
  batcher: Batcher,
  sheet: OwnedSheet,
  name: string,
  renames: ReadonlyMap<string, string>,
): Promise<OwnedSheetWrite> {
  const write: OwnedSheetWrite = { fillCalls: 0, styleCalls: 0 };
  const preamble = sheet.preamble ?? [];
  const layout = sheetLayout(sheet);
  const width = Math.max(1, sheet.columns.length, ...preamble.map((r) => r.length), ...sheet.rows.slice(0, 1000).map((r) => r.length));
  const firstData = layout.firstDataRow - 1; // 0-based
  let ws: Excel.Worksheet | null = null;
  // The new sheet's path is its add(name), sent again in each later request that writes to it.
  const made: SharedProxy<Excel.Worksheet> = { bytes: opBytes(1, 0, jsonBytes(name)), get: () => ws as unknown as Excel.Worksheet };
  const via = [made];
  await batcher.add({ request: 0, via }, () => {
    ws = context.workbook.worksheets.add(name);
  });
  const sheetOf = (): Excel.Worksheet => made.get();
  /** Arguments of getRangeByIndexes, at most (four numbers). */
  const INDEXES = 40;
  const links: { row: number; col: number; link: NonNullable<Prepared['link']> }[] = [];
  /** Cells by the style they get, keyed by the style's JSON. */
  const styled = new Map<string, { style: CellStyle; cells: string[] }>();
  const addStyle = (style: CellStyle, row0: number, col: number): void => {
    const key = JSON.stringify(style);
    const entry = styled.get(key);
    const address = cellAddress(row0 + 1, col);
    if (entry) entry.cells.push(address);
    else styled.set(key, { style, cells: [address] });
  };

  /** Writes rows `[first, first + rows.length)` (0-based) as blocks of about CHUNK_BYTES. */
  const writeRows = async (first: number, rows: readonly OutCell[][], formats: (j: number) => ColumnFormat | undefined): Promise<void> => {
    let block: { values: (string | number | null)[][]; formats: (string | null)[][]; start: number; bytes: number } | null = null;
    const flush = async (): Promise<void> => {
      if (!block) return;
      const b = block;
      block = null;
      // getRangeByIndexes, numberFormat and values: the rows' JSON plus the brackets and commas joining them.
      await batcher.add({ request: opBytes(1, 2, INDEXES + b.bytes + 2 * (b.values.length + 1)), via }, () => {
        const range = sheetOf().getRangeByIndexes(b.start, 0, b.values.length, width);
        range.numberFormat = b.formats;
        range.values = b.values;
      });
    };
    for (let i = 0; i < rows.length; i++) {
      const values: (string | number | null)[] = new Array(width).fill(null);
      const fmts: (string | null)[] = new Array(width).fill(null);
      rows[i].slice(0, width).forEach((cell, j) => {
        const p = prepare(cell, formats(j), renames);
        values[j] = p.value;
        fmts[j] = p.format;
        if (p.link) links.push({ row: first + i, col: j, link: p.link });
        const style = outStyle(cell);
        if (style) addStyle(style, first + i, j);
      });
      const bytes = jsonBytes(values) + jsonBytes(fmts);
      if (block && block.bytes + bytes > CHUNK_BYTES) await flush();
      if (!block) block = { values: [], formats: [], start: first + i, bytes: 0 };
      block.values.push(values);
      block.formats.push(fmts);
      block.bytes += bytes;
    }
    await flush();
  };

  await writeRows(0, preamble, () => undefined);
  if (preamble.length > 0 && preamble[0].length > 0 && outStyle(preamble[0][0]) === undefined) addStyle(TITLE_STYLE, 0, 0);
  if (layout.headerRow !== null) {
    await writeRows(layout.headerRow - 1, [sheet.columns.map((c) => c.header)], () => 'text');
    for (let j = 0; j < sheet.columns.length; j++) addStyle(HEADER_STYLE, layout.headerRow - 1, j);
  }
  await writeRows(firstData, sheet.rows, (j) => sheet.columns[j]?.format);

  const lastCol = width - 1;
  if (layout.freezeRows > 0) {
    await batcher.add({ request: opBytes(1, 1, 10), via }, () => {
      sheetOf().freezePanes.freezeRows(layout.freezeRows);
    });
  }

  // Whole data columns that wrap or stay editable: one call per column, whatever the row count.
  if (sheet.rows.length > 0) {
    for (const [j, col] of sheet.columns.entries()) {
      if (col.wrap) {
        await batcher.add({ request: opBytes(2, 2, INDEXES + 10), via }, () => {
          const format = sheetOf().getRangeByIndexes(firstData, j, sheet.rows.length, 1).format;
          format.wrapText = true;
          format.verticalAlignment = 'Top';
        });
      }
      if (col.unlocked && sheet.protect) {
        await batcher.add({ request: opBytes(3, 1, INDEXES + 5), via }, () => {
          sheetOf().getRangeByIndexes(firstData, j, sheet.rows.length, 1).format.protection.locked = false;
        });
      }
    }
  }

  // Row and legend fills: one multi-area call per severity and 8,192-character address list.
  const fills = new Map<Severity, string[]>();
  const addArea = (sev: Severity, address: string): void => {
    const list = fills.get(sev);
    if (list) list.push(address);
    else fills.set(sev, [address]);
  };
  const rowSeverity = sheet.rowSeverity ?? [];
  for (let i = 0; i < rowSeverity.length; ) {
    const sev = rowSeverity[i];
    let j = i;
    while (j + 1 < rowSeverity.length && rowSeverity[j + 1] === sev) j++;
    if (sev) addArea(sev, `${cellAddress(firstData + 1 + i, 0)}:${cellAddress(firstData + 1 + j, lastCol)}`);
    i = j + 1;
  }
  const legend = new Map<Severity, string[]>();
  (sheet.preambleSeverity ?? []).forEach((row, i) => row.forEach((sev, j) => {
    if (sev) legend.set(sev, [...(legend.get(sev) ?? []), cellAddress(i + 1, j)]);
  }));
  for (const [sev, cells] of legend) for (const a of cellsToAreas(cells)) addArea(sev, areaAddress(a));
  for (const [severity, areas] of fills) {
    for (const list of joinAddresses(areas, ADDRESS_LIMIT, batcher.areaSeparator)) {
      write.fillCalls++;
      // getRanges(list), format, fill and font, two colours.
      await batcher.add({ request: opBytes(4, 2, jsonBytes(list) + 20), via }, () => {
        const format = sheetOf().getRanges(list).format;
        format.fill.color = `#${SEVERITY_FILL[severity]}`;
        format.font.color = `#${SEVERITY_FONT[severity]}`;
      });
    }
  }

  // Cell styles after the row fills, so a style's own fill wins over its row's colour.
  for (const { style, cells } of styled.values()) {
    for (const list of addressLists(cells, ADDRESS_LIMIT, batcher.areaSeparator)) {
      write.styleCalls++;
      const ops = styleOps(style);
      // getRanges(list) and format, then the style's own paths and sets.
      await batcher.add({ request: opBytes(2 + ops.paths, ops.actions, jsonBytes(list) + ops.actions * STYLE_VALUE_BYTES), via }, () => applyStyle(sheetOf().getRanges(list).format, style));
    }
  }

  for (const { row, col, link } of links) {
    const hyperlink = { documentReference: link.reference, textToDisplay: link.text };
    await batcher.add({ request: opBytes(1, 1, INDEXES + jsonBytes(hyperlink)), via }, () => {
      sheetOf().getRangeByIndexes(row, col, 1, 1).hyperlink = hyperlink;
    });
  }
  for (const list of addressLists(links.map((l) => cellAddress(l.row + 1, l.col)), ADDRESS_LIMIT, batcher.areaSeparator)) {
    await batcher.add({ request: opBytes(3, 1, jsonBytes(list) + jsonBytes(LINK_COLOR)), via }, () => {
      sheetOf().getRanges(list).format.font.color = LINK_COLOR;
    });
  }

  for (const area of sheet.merges ?? []) {
    await batcher.add({ request: opBytes(1, 1, jsonBytes(area) + 5), via }, () => {
      sheetOf().getRange(area).merge(false);
    });
  }

  for (const [j, col] of sheet.columns.entries()) {
    if (col.width) {
      const points = Math.round(col.width * POINTS_PER_CHAR * 10) / 10;
      await batcher.add({ request: opBytes(2, 1, INDEXES + jsonBytes(points)), via }, () => {
        sheetOf().getRangeByIndexes(0, j, 1, 1).format.columnWidth = points;
      });
    }
    const choices = col.choices ?? [];
    // A list source is comma-separated and "=…" would be a formula: such choices cannot be offered safely.
    if (sheet.rows.length > 0 && choices.length > 0 && choices.every((c) => c !== '' && !c.includes(',') && !/^[=+\-@]/.test(c))) {
      const rule: Excel.DataValidationRule = { list: { inCellDropDown: true, source: choices.join(',') } };
      const alert: Excel.DataValidationErrorAlert | null = col.choicesAlert
        ? { showAlert: true, style: 'Stop', title: col.choicesAlert.title, message: col.choicesAlert.message }
        : null;
      // getRangeByIndexes, dataValidation, the rule and the alert.
      await batcher.add({ request: opBytes(2, alert ? 2 : 1, INDEXES + jsonBytes(rule) + (alert ? jsonBytes(alert) : 0)), via }, () => {
        const validation = sheetOf().getRangeByIndexes(firstData, j, sheet.rows.length, 1).dataValidation;
        validation.rule = rule;
        // Anything typed outside the list is refused (ExcelApi 1.8).
        if (alert) validation.errorAlert = alert;
      });
    }
  }
  // Wrapped cells get rows tall enough for their text (Excel does not grow a row written through the API).
  if (styled.size > 0 || sheet.columns.some((c) => c.wrap)) {
    await batcher.add({ request: opBytes(2, 1, INDEXES), via }, () => {
      sheetOf().getRangeByIndexes(0, 0, Math.max(1, firstData + sheet.rows.length), width).format.autofitRows();
    });
  }
  const page = sheet.page;
  if (page) {
    await batcher.add({ request: pageBytes(page), via }, () => applyPage(sheetOf(), page));
  }
  // Charts before protection: a protected sheet refuses new charts (its objects are locked too).
  for (const chart of sheet.charts ?? []) {
    // charts, add(type, getRange(source), "Columns") with its reference list, title: four paths; the title
    // and setPosition. A ranking's bar chart adds axes and categoryAxis, and two sets on it.
    const flipped = chart.type === 'bar' && chart.firstOnTop === true;
    const data = jsonBytes([chartType(chart), chart.source, 'Columns', chart.title, chart.from, chart.to, true, 'Maximum']) + 60;
    await batcher.add({ request: opBytes(flipped ? 6 : 4, flipped ? 4 : 2, data), via }, () => queueChart(sheetOf(), chart));
  }
  // Protection last: Excel refuses later changes to the locked cells of a protected sheet.
  if (sheet.protect) {
    const options: Excel.WorksheetProtectionOptions = { allowAutoFilter: true, allowSort: true, allowFormatColumns: true, allowFormatRows: true };
    await batcher.add({ request: opBytes(1, 1, jsonBytes(options)), via }, () => {
      sheetOf().protection.protect(options);
    });
  }
  if (sheet.activate) {
    await batcher.add({ request: opBytes(0, 1), via }, () => {
      sheetOf().activate();
    });
  }
  return write;
}

import Decimal from 'decimal.js';
import { columnLetter, parseCellAddress } from '../core/model/cells';
import { dayToISO } from '../core/model/dates';
import { ChartSpec, OutValue, outValue, OwnedSheet, sheetLayout } from '../core/output/plan';
import { xmlText } from './notes-parts';

/**
 * The DrawingML parts of an owned sheet's charts: one chart part per {@link ChartSpec} (`c:chartSpace`),
 * the drawing part that anchors them to cells, and the `<drawing>` element the worksheet needs. exceljs
 * cannot write charts, so the package editor adds these parts itself.
 */

const NS = {
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  xdr: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
};

/** Content types of the parts this module writes. */
export const CHART_CONTENT_TYPES = {
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
};

/** A chart ready to be written: its part's XML and the cells its frame covers (0-based, `to` exclusive). */
export interface ChartPart {
  xml: string;
  from: { col0: number; row0: number };
  to: { col0: number; row0: number };
}

/** A block of cells, 1-based rows and 0-based columns, inclusive. */
interface Block {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function parseRange(a1: string): Block | null {
  const [a, b] = a1.split(':');
  const p = parseCellAddress(a ?? '');
  const q = parseCellAddress(b ?? a ?? '');
  if (!p || !q) return null;
  return { top: Math.min(p.row1, q.row1), left: Math.min(p.col0, q.col0), bottom: Math.max(p.row1, q.row1), right: Math.max(p.col0, q.col0) };
}

/**
 * A sheet name as a formula writes it: always quoted, a quote inside doubled. Quoting is valid for
 * every name, and needed for names with spaces, punctuation, non-ASCII letters or ones that look like
 * a cell reference.
 */
export function quotedSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** An absolute reference to a column's cells from row `top` to `bottom` on `sheet`: `'Aging'!$C$3:$C$9`. */
function columnRef(sheet: string, col0: number, top: number, bottom: number): string {
  const col = columnLetter(col0);
  const first = `$${col}$${top}`;
  return `${quotedSheetName(sheet)}!${top === bottom ? first : `${first}:$${col}$${bottom}`}`;
}

/** What a cell of the plan shows, for the chart's cached values: a number, a text, or nothing known. */
function shown(value: OutValue): number | string | null {
  if (value === null) return null;
  if (typeof value === 'string' || typeof value === 'number') return value;
  if ('money' in value) return numberOf(value.money);
  if ('date' in value) return dayToISO(value.date);
  if ('link' in value) return value.link.text;
  if (value.result === undefined) return null;
  return typeof value.result === 'number' ? value.result : numberOf(value.result) ?? value.result;
}

function numberOf(decimal: string): number | null {
  try {
    const n = new Decimal(decimal).toNumber();
    return Number.isFinite(n) ? n : null;
  } catch {
    return null;
  }
}

/** The value of an owned sheet's cell at 1-based row `row1`, 0-based column `col0`, as the writer lays it out. */
export function ownedSheetValue(sheet: OwnedSheet, row1: number, col0: number): number | string | null {
  const layout = sheetLayout(sheet);
  const preamble = sheet.preamble ?? [];
  if (row1 <= preamble.length) return shown(outValue(preamble[row1 - 1][col0] ?? null));
  if (layout.headerRow === row1) return sheet.columns[col0]?.header ?? null;
  const row = sheet.rows[row1 - layout.firstDataRow];
  return row ? shown(outValue(row[col0] ?? null)) : null;
}

function strRef(formula: string, values: (number | string | null)[]): string {
  const pts = values.map((v, i) => (v === null ? '' : `<c:pt idx="${i}"><c:v>${xmlText(String(v))}</c:v></c:pt>`)).join('');
  return `<c:strRef><c:f>${xmlText(formula)}</c:f><c:strCache><c:ptCount val="${values.length}"/>${pts}</c:strCache></c:strRef>`;
}

function numRef(formula: string, values: (number | string | null)[]): string {
  const pts = values.map((v, i) => (typeof v === 'number' ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : '')).join('');
  return `<c:numRef><c:f>${xmlText(formula)}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache></c:numRef>`;
}

function richText(text: string): string {
  return `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr b="1"/></a:pPr><a:r><a:rPr b="1"/><a:t>${xmlText(text)}</a:t></a:r></a:p></c:rich></c:tx>`;
}

const CAT_AX = 500000001;
const VAL_AX = 500000002;

/**
 * The category and value axes of a bar, column or line chart (`horizontal`: categories run down the
 * left). `reversed`: categories last to first (orientation maxMin), the value axis crossing at the last
 * category, which is then at the bottom (as Excel writes "categories in reverse order" with "at maximum
 * category").
 */
function axes(horizontal: boolean, reversed = false): string {
  return (
    `<c:catAx><c:axId val="${CAT_AX}"/><c:scaling><c:orientation val="${reversed ? 'maxMin' : 'minMax'}"/></c:scaling><c:delete val="0"/><c:axPos val="${horizontal ? 'l' : 'b'}"/>` +
    `<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${VAL_AX}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="${VAL_AX}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${horizontal ? 'b' : 'l'}"/><c:majorGridlines/>` +
    `<c:numFmt formatCode="#,##0" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${CAT_AX}"/><c:crosses val="${reversed ? 'max' : 'autoZero'}"/><c:crossBetween val="between"/></c:valAx>`
  );
}

/**
 * The chart part for `spec` drawn from `sheet` (its final name `sheetName`): categories from the
 * source's first column, one series per further column named by its header cell, values below it.
 * A pie shows the first series only; a stacked bar or column chart stacks a row's series into one bar. Null when the source is not a block of at least two rows and two
 * columns, or the anchor cells are not cells.
 */
export function chartPart(spec: ChartSpec, sheet: OwnedSheet, sheetName: string): ChartPart | null {
  const block = parseRange(spec.source);
  const from = parseCellAddress(spec.from);
  const to = parseCellAddress(spec.to);
  if (!block || !from || !to || block.bottom <= block.top || block.right <= block.left) return null;
  const rows = block.bottom - block.top;
  const column = (col0: number): (number | string | null)[] => Array.from({ length: rows }, (_, i) => ownedSheetValue(sheet, block.top + 1 + i, col0));
  const cat = `<c:cat>${strRef(columnRef(sheetName, block.left, block.top + 1, block.bottom), column(block.left))}</c:cat>`;
  const lastSeries = spec.type === 'pie' ? block.left + 1 : block.right;
  const series: string[] = [];
  for (let col0 = block.left + 1, k = 0; col0 <= lastSeries; col0++, k++) {
    const tx = `<c:tx>${strRef(columnRef(sheetName, col0, block.top, block.top), [ownedSheetValue(sheet, block.top, col0)])}</c:tx>`;
    const val = `<c:val>${numRef(columnRef(sheetName, col0, block.top + 1, block.bottom), column(col0))}</c:val>`;
    const head = `<c:idx val="${k}"/><c:order val="${k}"/>${tx}`;
    // Element order inside each series follows the schema (CT_BarSer, CT_LineSer, CT_PieSer).
    if (spec.type === 'line') series.push(`<c:ser>${head}<c:marker><c:symbol val="circle"/></c:marker>${cat}${val}<c:smooth val="0"/></c:ser>`);
    else if (spec.type === 'pie') series.push(`<c:ser>${head}${cat}${val}</c:ser>`);
    else series.push(`<c:ser>${head}<c:invertIfNegative val="0"/>${cat}${val}</c:ser>`);
  }
  let plot: string;
  if (spec.type === 'pie') {
    plot = `<c:pieChart><c:varyColors val="1"/>${series.join('')}<c:firstSliceAng val="0"/></c:pieChart>`;
  } else if (spec.type === 'line') {
    plot = `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series.join('')}<c:marker val="1"/><c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/></c:lineChart>${axes(false)}`;
  } else {
    const horizontal = spec.type === 'bar';
    // Stacked bars lie on top of each other: full overlap (Excel writes 100 for its stacked types).
    const grouping = spec.stacked ? '<c:grouping val="stacked"/>' : '<c:grouping val="clustered"/>';
    const overlap = spec.stacked ? '<c:overlap val="100"/>' : '';
    plot = `<c:barChart><c:barDir val="${horizontal ? 'bar' : 'col'}"/>${grouping}<c:varyColors val="0"/>${series.join('')}<c:gapWidth val="150"/>${overlap}<c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/></c:barChart>${axes(horizontal, horizontal && spec.firstOnTop === true)}`;
  }
  const xml =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}"><c:roundedCorners val="0"/>` +
    `<c:chart><c:title>${richText(spec.title)}<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>${plot}</c:plotArea>` +
    `<c:legend><c:legendPos val="${spec.type === 'pie' ? 'r' : 'b'}"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `</c:chartSpace>`;
  // The anchor's end is exclusive: the frame covers the `to` cell entirely.
  const fromCell = { col0: Math.min(from.col0, to.col0), row0: Math.min(from.row1, to.row1) - 1 };
  const toCell = { col0: Math.max(from.col0, to.col0) + 1, row0: Math.max(from.row1, to.row1) };
  return { xml, from: fromCell, to: toCell };
}

/** The drawing part anchoring each chart to its cells; chart i is reached through relationship `relIds[i]`. */
export function drawingPartXml(charts: readonly ChartPart[], relIds: readonly string[], titles: readonly string[]): string {
  const marker = (tag: string, at: { col0: number; row0: number }): string => `<xdr:${tag}><xdr:col>${at.col0}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${at.row0}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  const anchors = charts.map((c, i) =>
    `<xdr:twoCellAnchor editAs="oneCell">${marker('from', c.from)}${marker('to', c.to)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${xmlText(titles[i] ?? `Chart ${i + 1}`).replace(/"/g, '&quot;')}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" xmlns:r="${NS.r}" r:id="${relIds[i]}"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}">${anchors}</xdr:wsDr>`;
}

/** Worksheet children that come after `<drawing>` in the schema's order (CT_Worksheet). */
const AFTER_DRAWING = new Set(['legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst']);

/**
 * Adds `<drawing r:id>` to a worksheet's XML where the schema puts it: before the first child that must
 * follow it, else at the end. The relationships prefix the root declares is used (declared on the
 * element when the root has none).
 */
export function withDrawingElement(sheetXml: string, relId: string): string {
  const tag = /<(\/?)([\w.-]+:)?([\w.-]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
  let depth = 0;
  let root: { prefix: string; attrs: string } | null = null;
  let at = -1;
  for (let m = tag.exec(sheetXml); m; m = tag.exec(sheetXml)) {
    const [, closing, prefix = '', local, attrs, selfClosing] = m;
    if (closing) {
      depth--;
      if (depth === 0) {
        at = m.index;
        break;
      }
      continue;
    }
    if (depth === 0) root = { prefix, attrs };
    else if (depth === 1 && AFTER_DRAWING.has(local)) {
      at = m.index;
      break;
    }
    if (!selfClosing) depth++;
  }
  if (!root || at < 0) throw new Error('not a worksheet');
  const declared = new RegExp(`\\sxmlns:([\\w.-]+)\\s*=\\s*["']${NS.r.replace(/[./]/g, '\\$&')}["']`).exec(root.attrs)?.[1];
  const element = declared ? `<${root.prefix}drawing ${declared}:id="${relId}"/>` : `<${root.prefix}drawing xmlns:r="${NS.r}" r:id="${relId}"/>`;
  return sheetXml.slice(0, at) + element + sheetXml.slice(at);
}

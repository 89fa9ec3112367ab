import { columnIndex, parseCellAddress } from '../core/model/cells';
import { Area, areaAddress } from './addresses';
import { SheetCell } from './annotations';
import { officeErrorCode } from './office-errors';

/**
 * Highlights hidden by the user's conditional formatting. Excel draws a conditional format's fill over a
 * cell's own fill, so where a user's rule with a fill applies, a cell the add-in highlights can look
 * unflagged. The add-in never changes or removes the user's rules; it counts the highlighted cells that lie
 * in the area of a rule that paints a fill, so the user can be told where to look (the Findings sheet
 * lists every finding whatever the cells look like).
 *
 * Conditional formats are ExcelApi 1.6 (inside the manifest's 1.9), but Excel has open reports of reading
 * them failing (office-js #6827, #6835: reading the rules of a range with two rules throws; #5222: an item
 * not found). So the read runs in syncs of its own, and a failure only means the warning is not available:
 * it never fails a check.
 */

/** The type-specific part that holds a rule's format, for the types whose format can set a fill. */
const FORMAT_PART = {
  CellValue: 'cellValue',
  Custom: 'custom',
  ContainsText: 'textComparison',
  TopBottom: 'topBottom',
  PresetCriteria: 'preset',
} as const;

type FormatPart = (typeof FORMAT_PART)[keyof typeof FORMAT_PART];

/**
 * Errors that mean Excel itself is unavailable rather than the conditional-format API failing: the user
 * is typing in a cell, or a sync went unanswered (the watchdog). The next write would fail the same way,
 * so these are the caller's to report.
 */
const NOT_OURS = new Set(['InvalidOperationInCellEditMode', 'SyncTimeout']);

/** A rule that paints a fill, once its areas are read. */
interface PaintingRule {
  ranges: Excel.RangeAreas;
  fill: Excel.ConditionalRangeFill | null;
}

/**
 * How many of `cells` (the cells about to be highlighted) lie under a user's conditional format that sets
 * a fill, by sheet as the cells name it (sheets without any are absent). Two syncs when some rule
 * intersects the highlighted area, one otherwise, whatever the number of cells; null when Excel could not
 * read the rules (the warning is then simply not given).
 */
export async function cellsUnderConditionalFills(context: Excel.RequestContext, cells: readonly SheetCell[]): Promise<Map<string, number> | null> {
  const bySheet = new Map<string, { row1: number; col0: number }[]>();
  for (const { sheet, cell } of cells) {
    const p = parseCellAddress(cell);
    if (!p) continue;
    const list = bySheet.get(sheet);
    if (list) list.push(p);
    else bySheet.set(sheet, [p]);
  }
  if (bySheet.size === 0) return new Map();
  try {
    // One collection per sheet, over the smallest rectangle holding its highlighted cells.
    const collections = [...bySheet].map(([sheet, list]) => {
      const box: Area = { top: Infinity, left: Infinity, bottom: 0, right: 0 };
      for (const p of list) {
        box.top = Math.min(box.top, p.row1);
        box.bottom = Math.max(box.bottom, p.row1);
        box.left = Math.min(box.left, p.col0);
        box.right = Math.max(box.right, p.col0);
      }
      return { sheet, formats: context.workbook.worksheets.getItem(sheet).getRange(areaAddress(box)).conditionalFormats.load('items/type') };
    });
    await context.sync();

    const painting = new Map<string, PaintingRule[]>();
    for (const { sheet, formats } of collections) {
      const rules: PaintingRule[] = [];
      for (const cf of formats.items) {
        const part: FormatPart | undefined = (FORMAT_PART as Record<string, FormatPart | undefined>)[cf.type];
        // A colour scale colours every cell of its area; data bars and icon sets leave the fill visible.
        if (cf.type !== 'ColorScale' && !part) continue;
        rules.push({ ranges: cf.getRanges().load('address'), fill: part ? cf[part].format.fill.load('color') : null });
      }
      if (rules.length > 0) painting.set(sheet, rules);
    }
    if (painting.size === 0) return new Map();
    await context.sync();

    const out = new Map<string, number>();
    for (const [sheet, rules] of painting) {
      const areas = rules.filter((r) => r.fill === null || (typeof r.fill.color === 'string' && r.fill.color !== '')).flatMap((r) => parseAreas(r.ranges.address));
      const covered = (bySheet.get(sheet) ?? []).filter((p) => areas.some((a) => p.row1 >= a.top && p.row1 <= a.bottom && p.col0 >= a.left && p.col0 <= a.right));
      if (covered.length > 0) out.set(sheet, new Set(covered.map((p) => `${p.col0}:${p.row1}`)).size);
    }
    return out;
  } catch (e) {
    if (NOT_OURS.has(officeErrorCode(e) ?? '')) throw e;
    return null;
  }
}

/** Largest row and column Excel has (for whole-column and whole-row areas). */
const LAST_ROW = 1_048_576;
const LAST_COL = 16_383;

/**
 * The areas of a RangeAreas address ("Sales!B2:B11,Sales!$D$4", "'My sheet'!A:A"); areas are split at the
 * comma or the list separator of the user's locale, outside quoted sheet names. Unreadable parts are skipped.
 */
export function parseAreas(address: string): Area[] {
  const out: Area[] = [];
  let quoted = false;
  let start = 0;
  const parts: string[] = [];
  for (let i = 0; i < address.length; i++) {
    const ch = address.charAt(i);
    if (ch === "'") quoted = !quoted;
    else if ((ch === ',' || ch === ';') && !quoted) {
      parts.push(address.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(address.slice(start));
  for (const part of parts) {
    const local = part.slice(part.lastIndexOf('!') + 1).trim();
    const area = parseArea(local);
    if (area) out.push(area);
  }
  return out;
}

function parseArea(local: string): Area | null {
  const [a, b = a] = local.split(':');
  const ca = parseCellAddress(a);
  const cb = parseCellAddress(b);
  if (ca && cb) {
    return { top: Math.min(ca.row1, cb.row1), bottom: Math.max(ca.row1, cb.row1), left: Math.min(ca.col0, cb.col0), right: Math.max(ca.col0, cb.col0) };
  }
  const cols = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/.exec(local);
  if (cols) {
    const x = columnIndex(cols[1]);
    const y = columnIndex(cols[2]);
    return { top: 1, bottom: LAST_ROW, left: Math.min(x, y), right: Math.max(x, y) };
  }
  const rows = /^\$?(\d{1,7}):\$?(\d{1,7})$/.exec(local);
  if (rows) {
    const x = Number(rows[1]);
    const y = Number(rows[2]);
    return { top: Math.min(x, y), bottom: Math.max(x, y), left: 0, right: LAST_COL };
  }
  return null;
}

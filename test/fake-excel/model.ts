import { cellKey, colLetters, keyCol, keyRow, MAX_COLS, parseLocal, Rect } from './address';

/**
 * The fake workbook's data: what a real workbook would hold, with no proxies or requests. Tests build it
 * directly (or load it from .xlsx through `xlsx-io.ts`) and inspect it after the adapter has run.
 * Values are stored densely by row (a 100,000-row sheet must stay cheap); formats and notes sparsely.
 */

/** A stored cell value: an Excel error is kept apart from text that looks like one. */
export type FakeValue = null | number | string | boolean | { error: string };

export interface FakeFill {
  /** "#RRGGBB", upper case. */
  color: string;
  /** Excel's pattern name; "Solid" unless loaded from a file with another pattern. */
  pattern: string;
}

export interface FakeFont {
  /** "#RRGGBB"; null or absent is Automatic (reads as "#000000", as Excel reports it). */
  color?: string | null;
  bold?: boolean;
  italic?: boolean;
  /** Font name; absent is the workbook's default (Calibri). */
  name?: string;
  /** Points; absent is the default 11. */
  size?: number;
}

/** One side of a cell's border as Excel names its style ("Continuous", "Double") and weight ("Thin"). */
export interface FakeBorder {
  style: string;
  weight: string;
}

export type BorderSide = 'top' | 'bottom' | 'left' | 'right';

/** What a sheet prints like (Worksheet.pageLayout, ExcelApi 1.9). */
export interface FakePageLayout {
  orientation: 'Portrait' | 'Landscape';
  paperSize: string;
  /** `{ scale: 100 }` by default; fit-to-pages as Excel takes it. */
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  /** "$1:$3" once set. */
  printTitleRows: string | null;
  footer: { left: string; center: string; right: string };
}

export interface FakeHyperlink {
  address?: string;
  documentReference?: string;
  textToDisplay?: string;
  screenTip?: string;
}

export interface FakeNote {
  content: string;
  author: string;
}

export interface FakeComment {
  id: string;
  sheetId: string;
  key: number;
  content: string;
  author: string;
  resolved: boolean;
}

export interface FakeValidation {
  rect: Rect;
  rule: Record<string, unknown>;
  prompt?: Record<string, unknown>;
  errorAlert?: Record<string, unknown>;
  ignoreBlanks?: boolean;
}

export type Visibility = 'Visible' | 'Hidden' | 'VeryHidden';

/** An Excel table (ListObject) on a sheet. */
export interface FakeTable {
  id: string;
  name: string;
  /** Header row included when the table has headers. */
  rect: Rect;
  showHeaders: boolean;
  style: string;
}


/** Excel's kinds of conditional format (Excel.ConditionalFormatType). */
export type FakeConditionalFormatType = 'Custom' | 'DataBar' | 'ColorScale' | 'IconSet' | 'TopBottom' | 'PresetCriteria' | 'ContainsText' | 'CellValue';

export const CONDITIONAL_FORMAT_TYPES: readonly FakeConditionalFormatType[] = ['Custom', 'DataBar', 'ColorScale', 'IconSet', 'TopBottom', 'PresetCriteria', 'ContainsText', 'CellValue'];

/**
 * A user's conditional-format rule. Excel draws what a rule's format sets over the cell's own format, so
 * a rule with a fill hides the add-in's highlight where it applies. Kept in priority order on the sheet.
 */
export interface FakeConditionalFormat {
  id: string;
  type: FakeConditionalFormatType;
  /** The areas the rule applies to (one rule may cover several, as "Applies to" in Excel's rule manager). */
  ranges: Rect[];
  /** "#RRGGBB" the rule fills matching cells with; null when it sets no fill (a font-only rule). */
  fill: string | null;
  font: { color?: string | null; bold?: boolean; italic?: boolean };
  /** The rule's condition as the API reports it: cellValue {formula1, operator}, custom {formula}, … */
  rule: Record<string, unknown> | null;
  /** A colour scale's criteria (minimum, maximum, with their colours). */
  criteria: Record<string, unknown> | null;
  stopIfTrue: boolean | null;
}

/** What a test gives to set up a rule: the areas as an A1 list ("B2:B11,D4"), the rest as in {@link FakeConditionalFormat}. */
export interface FakeConditionalFormatSpec {
  type: FakeConditionalFormatType;
  appliesTo: string;
  fill?: string | null;
  font?: FakeConditionalFormat['font'];
  rule?: Record<string, unknown> | null;
  criteria?: Record<string, unknown> | null;
}

let conditionalFormatSeq = 0;

/** A new rule record; ids unique in the workbook and GUID-long, as their length counts in every request naming one. */
export function newConditionalFormat(type: FakeConditionalFormatType, ranges: Rect[]): FakeConditionalFormat {
  const colorScale = type === 'ColorScale';
  return {
    id: `{${String(++conditionalFormatSeq).padStart(8, '0')}-0000-0000-C000-0000000000CF}`,
    type,
    ranges: ranges.map((r) => ({ ...r })),
    fill: null,
    font: {},
    rule: null,
    // A new colour scale is Excel's default two-colour scale (lowest value to highest).
    criteria: colorScale ? { minimum: { type: 'lowestValue', color: '#F8696B', formula: null }, maximum: { type: 'highestValue', color: '#63BE7B', formula: null } } : null,
    stopIfTrue: type === 'DataBar' || type === 'IconSet' || colorScale ? null : false,
  };
}

/** A chart on a sheet (Worksheet.charts, ExcelApi 1.1). */
/** What the fake keeps of a chart axis. */
export interface FakeChartAxisState {
  reversePlotOrder: boolean;
  /** Excel.ChartAxisPosition: "Automatic", "Maximum", "Minimum" or "Custom". */
  position: string;
}

export interface FakeChart {
  id: string;
  name: string;
  /** Excel's chart type name, e.g. "ColumnClustered". */
  type: string;
  /** "Auto", "Columns" or "Rows", as given to ChartCollection.add. */
  seriesBy: string;
  /** The source data: a range on a sheet (the chart's own or another). */
  source: { sheet: FakeSheet; rect: Rect };
  title: string;
  titleVisible: boolean;
  /** The category axis: drawn last to first (ExcelApi 1.7), and where the value axis crosses it (1.8). */
  categoryAxis: FakeChartAxisState;
  /** Cells the chart was positioned over by setPosition (null until then). */
  from: Rect | null;
  to: Rect | null;
  /** Points, as Excel reports them. */
  top: number;
  left: number;
  width: number;
  height: number;
}

/** Number of the "Excel" error literals a user can type, which Excel stores as error values. */
export const ERROR_LITERALS = ['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA', '#SPILL!', '#CALC!'];

let sheetSeq = 0;

export class FakeSheet {
  id: string;
  name: string;
  visibility: Visibility = 'Visible';
  protected = false;
  tabColor = '';
  rows: FakeValue[][] = [];
  formulas = new Map<number, string>();
  numberFormats = new Map<number, string>();
  fills = new Map<number, FakeFill>();
  fonts = new Map<number, FakeFont>();
  hyperlinks = new Map<number, FakeHyperlink>();
  notes = new Map<number, FakeNote>();
  merged: Rect[] = [];
  validations: FakeValidation[] = [];
  columnWidths = new Map<number, number>();
  frozenRows = 0;
  /** Horizontal alignment by cell ("Left", "Center", "Right"); absent is General. */
  alignments = new Map<number, string>();
  /** Vertical alignment by cell ("Top", "Center"); absent is Bottom. */
  verticalAlignments = new Map<number, string>();
  /** Cells whose text wraps. */
  wraps = new Set<number>();
  borders = new Map<number, Partial<Record<BorderSide, FakeBorder>>>();
  /** Cells unlocked for editing under protection (every cell is locked by default, as in Excel). */
  unlocked = new Set<number>();
  /** The options the sheet was protected with. */
  protectionOptions: Record<string, unknown> | null = null;
  pageLayout: FakePageLayout = {
    orientation: 'Portrait', paperSize: 'Letter', zoom: { scale: 100 }, printTitleRows: null, footer: { left: '', center: '', right: '' },
  };
  /** Unlocked areas too large to list cell by cell (a template's input columns down to the last row). */
  unlockedAreas: Rect[] = [];
  /** The password the sheet was protected with (Excel keeps its hash), or null. */
  protectionPassword: string | null = null;
  /** A number format set on a column from a row to the bottom of the sheet (how Excel stores a column style). */
  columnFormats = new Map<number, { fromRow: number; format: string }>();
  tables: FakeTable[] = [];
  /** Conditional-format rules, highest priority first. */
  conditionalFormats: FakeConditionalFormat[] = [];
  /** Charts in creation order (what ChartCollection.getItemAt counts by). */
  charts: FakeChart[] = [];
  /** Charts ever added to the sheet: Excel names the next one "Chart n+1" even after deletions. */
  chartSeq = 0;

  constructor(name: string) {
    // Excel's worksheet ids are GUIDs in braces; their length counts in every request that names a sheet by id.
    this.id = `{00000000-${String(++sheetSeq).padStart(4, '0')}-0000-C000-000000000046}`;
    this.name = name;
  }

  getValue(r: number, c: number): FakeValue {
    const row = this.rows[r];
    if (!row) return null;
    const v = row[c];
    return v === undefined ? null : v;
  }

  setValue(r: number, c: number, v: FakeValue): void {
    let row = this.rows[r];
    if (!row) {
      if (v === null) return;
      while (this.rows.length < r) this.rows.push([]);
      row = this.rows[r] = [];
    }
    if (v === null && c >= row.length) return;
    while (row.length < c) row.push(null);
    row[c] = v;
  }

  numberFormat(r: number, c: number): string {
    const own = this.numberFormats.get(cellKey(r, c));
    if (own !== undefined) return own;
    const col = this.columnFormats.get(c);
    return col && r >= col.fromRow ? col.format : 'General';
  }

  /** Whether a cell is locked (applies only while the sheet is protected). */
  isLocked(r: number, c: number): boolean {
    if (this.unlocked.has(cellKey(r, c))) return false;
    return !this.unlockedAreas.some((u) => r >= u.r0 && r <= u.r1 && c >= u.c0 && c <= u.c1);
  }

  /** Smallest rectangle holding every value (and, unless valuesOnly, every format); null when empty. */
  usedRect(valuesOnly: boolean): Rect | null {
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    this.rows.forEach((row, r) => {
      if (!row) return;
      for (let c = 0; c < row.length; c++) {
        if (row[c] === null || row[c] === undefined) continue;
        if (r < r0) r0 = r;
        if (r > r1) r1 = r;
        if (c < c0) c0 = c;
        if (c > c1) c1 = c;
      }
    });
    const maps: Map<number, unknown>[] = [this.formulas];
    if (!valuesOnly) maps.push(this.numberFormats, this.fills, this.fonts, this.hyperlinks);
    for (const m of maps) {
      for (const key of m.keys()) {
        const r = keyRow(key);
        const c = keyCol(key);
        if (r < r0) r0 = r;
        if (r > r1) r1 = r;
        if (c < c0) c0 = c;
        if (c > c1) c1 = c;
      }
    }
    return r1 < 0 ? null : { r0, c0, r1, c1 };
  }

  /** Test set-up: a user's conditional-format rule, added at the lowest priority (as rules made first end up). */
  addConditionalFormat(spec: FakeConditionalFormatSpec): FakeConditionalFormat {
    const ranges = spec.appliesTo.split(',').map((a) => {
      const r = parseLocal(a.trim());
      if (!r) throw new Error(`fake workbook: bad conditional-format range ${a}`);
      return r;
    });
    const cf = newConditionalFormat(spec.type, ranges);
    if (spec.fill !== undefined) cf.fill = spec.fill === null ? null : normalizeColor(spec.fill);
    if (spec.font) cf.font = { ...spec.font };
    if (spec.rule !== undefined) cf.rule = spec.rule;
    if (spec.criteria !== undefined) cf.criteria = spec.criteria;
    this.conditionalFormats.push(cf);
    return cf;
  }

  /** "B7" for a cell key. */
  cellA1(key: number): string {
    return `${colLetters(keyCol(key))}${keyRow(key) + 1}`;
  }
}

/** What the fake treats as the current selection. */
export interface FakeSelection {
  sheetId: string;
  rect: Rect;
}

/** A whole workbook. */
export class FakeWorkbookModel {
  /** The file's name as Workbook.name (ExcelApi 1.7) reports it. */
  name = 'Book1.xlsx';
  sheets: FakeSheet[] = [];
  comments: FakeComment[] = [];
  activeSheetId: string | null = null;
  /** Dates count from 1904 (File › Options › Advanced): a serial shows 1,462 days later than in 1900. */
  date1904 = false;
  /** Review › Protect Workbook (structure): see `protection.ts`. */
  structureProtected = false;
  structurePassword: string | null = null;
  selection: FakeSelection | null = null;
  private commentSeq = 0;

  /** Adds a sheet at the end; the first sheet added becomes the active one. */
  addSheet(name: string): FakeSheet {
    const s = new FakeSheet(name);
    this.sheets.push(s);
    if (!this.activeSheetId) this.activeSheetId = s.id;
    return s;
  }

  sheet(name: string): FakeSheet | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  /** The sheet of that name; throws a plain Error for test set-up mistakes. */
  mustSheet(name: string): FakeSheet {
    const s = this.sheet(name);
    if (!s) throw new Error(`fake workbook has no sheet "${name}"`);
    return s;
  }

  sheetById(id: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  nextCommentId(): string {
    return `{comment-${++this.commentSeq}}`;
  }

  /** Convenience for tests: a sheet filled from rows of values starting at A1. */
  static fromRows(sheets: Record<string, FakeValue[][]>): FakeWorkbookModel {
    const wb = new FakeWorkbookModel();
    for (const [name, rows] of Object.entries(sheets)) {
      const s = wb.addSheet(name);
      rows.forEach((row, r) => row.forEach((v, c) => s.setValue(r, c, v)));
    }
    return wb;
  }
}

/** Excel's colour form: "#RRGGBB", upper case; named colours Excel accepts are mapped. */
export function normalizeColor(input: string): string | null {
  const s = input.trim();
  const named: Record<string, string> = {
    red: '#FF0000', green: '#008000', blue: '#0000FF', yellow: '#FFFF00', white: '#FFFFFF', black: '#000000',
    orange: '#FFA500', gray: '#808080', grey: '#808080',
  };
  if (named[s.toLowerCase()]) return named[s.toLowerCase()];
  const m = /^#?([0-9a-fA-F]{6})$/.exec(s);
  return m ? `#${m[1].toUpperCase()}` : null;
}

/** Keys of every cell in a rectangle, clipped to what is worth visiting. */
export function* rectKeys(r: Rect): Generator<number> {
  for (let row = r.r0; row <= r.r1; row++) for (let c = r.c0; c <= r.c1; c++) yield row * MAX_COLS + c;
}

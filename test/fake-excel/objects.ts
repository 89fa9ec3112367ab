import {
  cellKey, intersect, keyCol, keyRow, MAX_COLS, MAX_ROWS, parseLocal, quoteSheet, Rect, rectCells, rectContains, rectToA1,
  splitSheet,
} from './address';
import { coerceInput, displayText, valueOut, valueTypeOut } from './cell-values';
import {
  BorderSide, CONDITIONAL_FORMAT_TYPES, FakeChart, FakeComment, FakeConditionalFormat, FakeConditionalFormatType, FakeFill, FakeNote, FakePageLayout, FakeSheet, FakeTable,
  FakeValidation, FakeWorkbookModel, newConditionalFormat, normalizeColor,
} from './model';
import {
  ApplyScope, FakeClientObject, FakeClientResult, FakeOfficeError, FakeRequestContext, LoadTree, notFound, PathStep, READ_CELL_LIMIT,
  ScalarDef,
} from './runtime';
import { assertStructureUnlocked, FakeWorkbookProtection } from './protection';

/**
 * The proxies of the fake Excel object model. Only what the product uses (and a little around it) is
 * here; each member carries the ExcelApi version that introduced it, and a host configured below that
 * version answers ApiNotFound at sync, as an older Excel would.
 */

type Ctx = FakeRequestContext;

function modelOf(ctx: Ctx): FakeWorkbookModel {
  return ctx._host.model;
}

/** Excel's 8,192-character cap on an address string passed to getRange/getRanges. */
export const ADDRESS_LIMIT = 8192;

interface RangeTarget {
  sheet: FakeSheet;
  rect: Rect;
}

interface AreasTarget {
  sheet: FakeSheet;
  rects: Rect[];
}

/**
 * On a protected sheet Excel refuses changes, except values in unlocked cells (`cells` given) and formats
 * when the protection allows formatting cells (`'format'`).
 */
function assertWritable(sheet: FakeSheet, location: string, cells?: Rect | 'format'): void {
  if (!sheet.protected) return;
  if (cells === 'format' && sheet.protectionOptions?.allowFormatCells === true) return;
  if (cells && cells !== 'format' && allUnlocked(sheet, cells)) return;
  throw new FakeOfficeError('AccessDenied', location, "The cell or chart you're trying to change is on a protected sheet.");
}

/** Every cell of the rectangle is unlocked (whole columns against the unlocked areas, else cell by cell). */
function allUnlocked(sheet: FakeSheet, rect: Rect): boolean {
  for (let c = rect.c0; c <= rect.c1; c++) {
    if (sheet.unlockedAreas.some((u) => u.c0 <= c && c <= u.c1 && u.r0 <= rect.r0 && rect.r1 <= u.r1)) continue;
    for (let r = rect.r0; r <= rect.r1; r++) if (sheet.isLocked(r, c)) return false;
  }
  return true;
}

function assertReadable(rect: Rect, location: string): void {
  if (rectCells(rect) > READ_CELL_LIMIT) throw new FakeOfficeError('RangeExceedsLimit', location);
}

/** Parses a sheet-local address (an optional prefix must name the same sheet). */
function parseOn(sheet: FakeSheet, address: string, location: string): Rect {
  if (address.length > ADDRESS_LIMIT) throw new FakeOfficeError('InvalidArgument', location);
  const { sheet: named, local } = splitSheet(address);
  if (named !== null && named.toLowerCase() !== sheet.name.toLowerCase()) throw new FakeOfficeError('InvalidArgument', location);
  const rect = parseLocal(local);
  if (!rect) throw new FakeOfficeError('InvalidArgument', location);
  return rect;
}

/** Splits at `separator` where it is not inside a quoted sheet name. */
function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === "'") quoted = !quoted;
    else if (ch === separator && !quoted) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

function grid<T>(rect: Rect, cell: (r: number, c: number) => T): T[][] {
  const out: T[][] = [];
  for (let r = rect.r0; r <= rect.r1; r++) {
    const row: T[] = [];
    for (let c = rect.c0; c <= rect.c1; c++) row.push(cell(r, c));
    out.push(row);
  }
  return out;
}

/** Normalises a 2D input to the range's shape: a scalar applies to every cell, arrays must match exactly. */
function shaped(input: unknown, rect: Rect, location: string): (r: number, c: number) => unknown {
  if (!Array.isArray(input)) return () => input;
  const rows = rect.r1 - rect.r0 + 1;
  const cols = rect.c1 - rect.c0 + 1;
  if (input.length !== rows || input.some((row) => !Array.isArray(row) || row.length !== cols)) {
    throw new FakeOfficeError('InvalidArgument', location, 'The number of rows or columns in the input array doesn\'t match the size or dimensions of the range.');
  }
  const arr = input as unknown[][];
  return (r, c) => arr[r - rect.r0][c - rect.c0];
}

function validateSheetName(name: unknown, location: string): string {
  if (typeof name !== 'string' || name.trim() === '' || name.length > 31 || /[\\/?*[\]:]/.test(name) || name.startsWith("'") || name.endsWith("'") || name.toLowerCase() === 'history') {
    throw new FakeOfficeError('InvalidArgument', location);
  }
  return name;
}

function uniform<T>(values: T[]): T | null {
  if (values.length === 0) return null;
  const first = values[0];
  return values.every((v) => v === first) ? first : null;
}

function* cellsOf(rects: Rect[]): Generator<[number, number]> {
  for (const rect of rects) for (let r = rect.r0; r <= rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) yield [r, c];
}

/** Base of the collections: `load()` fills `items` with item proxies. */
abstract class FakeCollection<T extends FakeClientObject> extends FakeClientObject {
  /** @internal The current items as proxies (evaluated when the load runs). */
  abstract _itemProxies(): T[];

  get items(): T[] {
    return this._get<T[]>('items');
  }

  override _applyLoad(tree: LoadTree, scope: ApplyScope): void {
    if (!scope.host.supports(this._version)) throw new FakeOfficeError('ApiNotFound', this._className);
    this._resolve();
    const itemTree: LoadTree = { all: tree.all, props: new Set(tree.props), children: new Map(tree.children) };
    const sub = itemTree.children.get('items');
    itemTree.props.delete('items');
    if (sub) {
      itemTree.children.delete('items');
      sub.props.forEach((p) => itemTree.props.add(p));
      sub.children.forEach((v, k) => itemTree.children.set(k, v));
      itemTree.all = itemTree.all || sub.all;
    }
    if (itemTree.props.size === 0 && itemTree.children.size === 0) itemTree.all = true;
    const items = this._itemProxies();
    for (const item of items) item._applyLoad(itemTree, scope);
    scope.stage({ count: items.length }, () => {
      this._isNull = false;
      this._loaded.set('items', items);
    });
  }

  getCount(): FakeClientResult<number> {
    const result = new FakeClientResult<number>();
    this._queue('getCount', [], this._version, (scope) => {
      const n = this._itemProxies().length;
      scope.stage(n, () => {
        result._value = n;
        result._loaded = true;
      });
    });
    return result;
  }

  override toJSON(): Record<string, unknown> {
    return { items: this._loaded.has('items') ? this._get<T[]>('items').map((i) => i.toJSON()) : [] };
  }
}

export class FakeRuntime extends FakeClientObject {
  get _className(): string {
    return 'Runtime';
  }
  _resolve(): unknown {
    return this._ctx._host;
  }
  override _scalars(): Record<string, ScalarDef> {
    return { enableEvents: { get: () => this._ctx._host.enableEvents, version: '1.8' } };
  }
  get enableEvents(): boolean {
    return this._get('enableEvents');
  }
  set enableEvents(v: boolean) {
    this._set('enableEvents', v, '1.8', (scope) => {
      scope.host.enableEvents = Boolean(v);
    });
  }
}

export class FakeWorkbook extends FakeClientObject {
  get _className(): string {
    return 'Workbook';
  }
  _resolve(): unknown {
    return modelOf(this._ctx);
  }
  override _scalars(): Record<string, ScalarDef> {
    return { name: { get: () => modelOf(this._ctx).name, version: '1.7' } };
  }
  get name(): string {
    return this._get('name');
  }
  override _navNames(): string[] {
    return ['worksheets', 'comments', 'notes', 'protection'];
  }
  get protection(): FakeWorkbookProtection {
    return this._nav('protection', () => new FakeWorkbookProtection(this._ctx, `${this._path}.protection`, '1.7', () => modelOf(this._ctx)));
  }
  get worksheets(): FakeWorksheetCollection {
    return this._nav('worksheets', () => new FakeWorksheetCollection(this._ctx, this._sub(`worksheets`), '1.1'));
  }
  get comments(): FakeCommentCollection {
    return this._nav('comments', () => new FakeCommentCollection(this._ctx, this._sub(`comments`), '1.10', null));
  }
  get notes(): FakeNoteCollection {
    return this._nav('notes', () => new FakeNoteCollection(this._ctx, this._sub(`notes`), '1.18', null));
  }
  getSelectedRange(): FakeRange {
    const m = modelOf(this._ctx);
    return new FakeRange(this._ctx, this._sub(`getSelectedRange()`), '1.1', () => {
      const sel = m.selection;
      const sheet = sel ? m.sheetById(sel.sheetId) : m.activeSheetId ? m.sheetById(m.activeSheetId) : undefined;
      if (!sheet) throw notFound('Workbook.getSelectedRange');
      return { sheet, rect: sel && sel.sheetId === sheet.id ? sel.rect : { r0: 0, c0: 0, r1: 0, c1: 0 } };
    });
  }
}

export class FakeWorksheetCollection extends FakeCollection<FakeWorksheet> {
  get _className(): string {
    return 'WorksheetCollection';
  }
  _resolve(): unknown {
    return modelOf(this._ctx).sheets;
  }
  _itemProxies(): FakeWorksheet[] {
    const m = modelOf(this._ctx);
    return m.sheets.map((s) => new FakeWorksheet(this._ctx, this._sub(`getItem(${JSON.stringify(s.id)})`), '1.1', () => m.sheetById(s.id)));
  }
  getItem(key: string): FakeWorksheet {
    const m = modelOf(this._ctx);
    return new FakeWorksheet(this._ctx, this._sub(`getItem(${JSON.stringify(key)})`), '1.1', () => m.sheet(key) ?? m.sheetById(key));
  }
  getItemOrNullObject(key: string): FakeWorksheet {
    const m = modelOf(this._ctx);
    return new FakeWorksheet(this._ctx, this._sub(`getItemOrNullObject(${JSON.stringify(key)})`), '1.4', () => m.sheet(key) ?? m.sheetById(key), true);
  }
  getActiveWorksheet(): FakeWorksheet {
    const m = modelOf(this._ctx);
    return new FakeWorksheet(this._ctx, this._sub(`getActiveWorksheet()`), '1.1', () => (m.activeSheetId ? m.sheetById(m.activeSheetId) : undefined));
  }
  add(name?: string): FakeWorksheet {
    const m = modelOf(this._ctx);
    let created: FakeSheet | undefined;
    const sheet = new FakeWorksheet(this._ctx, this._sub(`add(${JSON.stringify(name ?? null)})`), '1.1', () => created);
    this._queueCreate('add', sheet, '1.1', () => {
      let n = name;
      if (n === undefined || n === null) {
        let i = m.sheets.length + 1;
        while (m.sheet(`Sheet${i}`)) i++;
        n = `Sheet${i}`;
      }
      assertStructureUnlocked(m, 'WorksheetCollection.add');
      validateSheetName(n, 'WorksheetCollection.add');
      if (m.sheet(n)) throw new FakeOfficeError('ItemAlreadyExists', 'WorksheetCollection.add');
      created = m.addSheet(n);
    });
    return sheet;
  }
  get onChanged(): FakeEventHandlers {
    return this._nav('onChanged', () => new FakeEventHandlers(this._ctx, this._sub(`onChanged`), '1.9', 'onChanged', () => null));
  }
}

export class FakeWorksheet extends FakeClientObject {
  /** @internal The sheet id once the proxy has found its sheet: later operations follow that sheet even if renamed. */
  private _id: string | null = null;

  constructor(ctx: Ctx, path: string | PathStep, version: string, private readonly finder: () => FakeSheet | undefined, nullable = false) {
    super(ctx, path, version, nullable);
  }

  get _className(): string {
    return 'Worksheet';
  }

  _resolve(): FakeSheet {
    const m = modelOf(this._ctx);
    if (this._id) {
      const s = m.sheetById(this._id);
      if (!s) throw notFound('Worksheet');
      return s;
    }
    const s = this.finder();
    if (!s) throw notFound('Worksheet');
    this._id = s.id;
    return s;
  }

  override _sheetName(): string | undefined {
    return this._resolve().name;
  }

  override _scalars(): Record<string, ScalarDef> {
    const m = modelOf(this._ctx);
    return {
      id: { get: (s: FakeSheet) => s.id },
      name: { get: (s: FakeSheet) => s.name },
      position: { get: (s: FakeSheet) => m.sheets.indexOf(s) },
      visibility: { get: (s: FakeSheet) => s.visibility },
      tabColor: { get: (s: FakeSheet) => s.tabColor, version: '1.7' },
    };
  }

  override _navNames(): string[] {
    return ['protection', 'freezePanes', 'notes', 'comments', 'pageLayout', 'tables', 'charts'];
  }

  get id(): string {
    return this._get('id');
  }
  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._set('name', v, '1.1', () => {
      const s = this._resolve();
      const n = validateSheetName(v, 'Worksheet.name');
      if (n !== s.name) assertStructureUnlocked(modelOf(this._ctx), 'Worksheet.name');
      const other = modelOf(this._ctx).sheet(n);
      if (other && other !== s) throw new FakeOfficeError('ItemAlreadyExists', 'Worksheet.name');
      s.name = n;
    });
  }
  get position(): number {
    return this._get('position');
  }
  set position(v: number) {
    this._set('position', v, '1.1', () => {
      const m = modelOf(this._ctx);
      const s = this._resolve();
      if (!Number.isInteger(v) || v < 0 || v >= m.sheets.length) throw new FakeOfficeError('InvalidArgument', 'Worksheet.position');
      if (m.sheets.indexOf(s) !== v) assertStructureUnlocked(m, 'Worksheet.position');
      m.sheets.splice(m.sheets.indexOf(s), 1);
      m.sheets.splice(v, 0, s);
    });
  }
  get visibility(): string {
    return this._get('visibility');
  }
  set visibility(v: string) {
    this._set('visibility', v, '1.2', () => {
      const m = modelOf(this._ctx);
      const s = this._resolve();
      if (v !== 'Visible' && v !== 'Hidden' && v !== 'VeryHidden') throw new FakeOfficeError('InvalidArgument', 'Worksheet.visibility');
      if (v !== s.visibility) assertStructureUnlocked(m, 'Worksheet.visibility');
      if (v !== 'Visible' && s.visibility === 'Visible' && m.sheets.filter((x) => x.visibility === 'Visible').length === 1) {
        throw new FakeOfficeError('InvalidOperation', 'Worksheet.visibility', 'A workbook must contain at least one visible worksheet.');
      }
      s.visibility = v;
      if (v !== 'Visible' && m.activeSheetId === s.id) {
        m.activeSheetId = m.sheets.find((x) => x.visibility === 'Visible')?.id ?? null;
      }
    });
  }
  get tabColor(): string {
    return this._get('tabColor');
  }
  set tabColor(v: string) {
    this._set('tabColor', v, '1.7', () => {
      this._resolve().tabColor = v === '' ? '' : normalizeColor(v) ?? '';
    });
  }

  get protection(): FakeWorksheetProtection {
    return this._nav('protection', () => new FakeWorksheetProtection(this._ctx, this._sub(`protection`), '1.2', () => this._resolve()));
  }
  get pageLayout(): FakePageLayoutProxy {
    return this._nav('pageLayout', () => new FakePageLayoutProxy(this._ctx, this._sub(`pageLayout`), '1.9', () => this._resolve()));
  }
  get freezePanes(): FakeFreezePanes {
    return this._nav('freezePanes', () => new FakeFreezePanes(this._ctx, this._sub(`freezePanes`), '1.7', () => this._resolve()));
  }
  get notes(): FakeNoteCollection {
    return this._nav('notes', () => new FakeNoteCollection(this._ctx, this._sub(`notes`), '1.18', () => this._resolve()));
  }
  get tables(): FakeTableCollection {
    return this._nav('tables', () => new FakeTableCollection(this._ctx, this._sub(`tables`), '1.1', () => this._resolve()));
  }
  get comments(): FakeCommentCollection {
    return this._nav('comments', () => new FakeCommentCollection(this._ctx, this._sub(`comments`), '1.10', () => this._resolve()));
  }
  get charts(): FakeChartCollection {
    return this._nav('charts', () => new FakeChartCollection(this._ctx, this._sub(`charts`), '1.1', () => this._resolve()));
  }
  get onChanged(): FakeEventHandlers {
    return this._nav('onChanged', () => new FakeEventHandlers(this._ctx, this._sub(`onChanged`), '1.7', 'onChanged', () => this._resolve().id));
  }
  get onFormatChanged(): FakeEventHandlers {
    return this._nav('onFormatChanged', () => new FakeEventHandlers(this._ctx, this._sub(`onFormatChanged`), '1.9', 'onFormatChanged', () => this._resolve().id));
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this._ctx, this._sub(`getRange(${JSON.stringify(address ?? null)})`), '1.1', () => {
      const sheet = this._resolve();
      const rect = address === undefined || address === '' ? { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLS - 1 } : parseOn(sheet, address, 'Worksheet.getRange');
      return { sheet, rect };
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return new FakeRange(this._ctx, this._sub(`getRangeByIndexes(${startRow},${startColumn},${rowCount},${columnCount})`), '1.7', () => {
      const sheet = this._resolve();
      const rect = { r0: startRow, c0: startColumn, r1: startRow + rowCount - 1, c1: startColumn + columnCount - 1 };
      if (rowCount < 1 || columnCount < 1 || rect.r0 < 0 || rect.c0 < 0 || rect.r1 >= MAX_ROWS || rect.c1 >= MAX_COLS) {
        throw new FakeOfficeError('InvalidArgument', 'Worksheet.getRangeByIndexes');
      }
      return { sheet, rect };
    });
  }

  getCell(row: number, column: number): FakeRange {
    return new FakeRange(this._ctx, this._sub(`getCell(${row},${column})`), '1.1', () => ({ sheet: this._resolve(), rect: { r0: row, c0: column, r1: row, c1: column } }));
  }

  getRanges(address?: string): FakeRangeAreas {
    return new FakeRangeAreas(this._ctx, this._sub(`getRanges(${JSON.stringify(address ?? null)})`), '1.9', () => {
      const sheet = this._resolve();
      if (address === undefined) return { sheet, rects: [{ r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLS - 1 }] };
      if (address.length > ADDRESS_LIMIT) throw new FakeOfficeError('InvalidArgument', 'Worksheet.getRanges', 'The address exceeds the limit of 8192 characters.');
      // Areas are joined with the locale's list separator; the other one is refused (office-js #1167, #1985).
      const separator = this._ctx._host.listSeparator;
      const parts = splitOutsideQuotes(address, separator).map((p) => p.trim());
      if (parts.some((p) => p === '' || splitOutsideQuotes(p, separator === ',' ? ';' : ',').length > 1)) {
        throw new FakeOfficeError('InvalidArgument', 'Worksheet.getRanges');
      }
      return { sheet, rects: parts.map((p) => parseOn(sheet, p, 'Worksheet.getRanges')) };
    });
  }

  getUsedRange(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this._ctx, this._sub(`getUsedRange(${valuesOnly === true})`), '1.1', () => {
      const sheet = this._resolve();
      return { sheet, rect: sheet.usedRect(valuesOnly === true) ?? { r0: 0, c0: 0, r1: 0, c1: 0 } };
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(
      this._ctx, this._sub(`getUsedRangeOrNullObject(${valuesOnly === true})`), '1.4',
      () => {
        const sheet = this._resolve();
        const rect = sheet.usedRect(valuesOnly === true);
        if (!rect) throw notFound('Worksheet.getUsedRangeOrNullObject');
        return { sheet, rect };
      },
      true,
    );
  }

  delete(): void {
    this._queue('delete', [], '1.1', () => {
      const m = modelOf(this._ctx);
      const s = this._resolve();
      assertStructureUnlocked(m, 'Worksheet.delete');
      if (s.visibility === 'Visible' && m.sheets.filter((x) => x.visibility === 'Visible').length === 1) {
        throw new FakeOfficeError('InvalidOperation', 'Worksheet.delete', 'A workbook must contain at least one visible worksheet.');
      }
      m.sheets.splice(m.sheets.indexOf(s), 1);
      m.comments = m.comments.filter((c) => c.sheetId !== s.id);
      if (m.activeSheetId === s.id) m.activeSheetId = m.sheets.find((x) => x.visibility === 'Visible')?.id ?? null;
      if (m.selection?.sheetId === s.id) m.selection = null;
    });
  }

  activate(): void {
    this._queue('activate', [], '1.1', () => {
      const s = this._resolve();
      if (s.visibility !== 'Visible') throw new FakeOfficeError('InvalidOperation', 'Worksheet.activate', 'A hidden sheet cannot be activated.');
      modelOf(this._ctx).activeSheetId = s.id;
    });
  }
}

export class FakeWorksheetProtection extends FakeClientObject {
  constructor(ctx: Ctx, path: string | PathStep, version: string, private readonly sheet: () => FakeSheet) {
    super(ctx, path, version);
  }
  get _className(): string {
    return 'WorksheetProtection';
  }
  _resolve(): FakeSheet {
    return this.sheet();
  }
  override _sheetName(): string | undefined {
    return this.sheet().name;
  }
  override _scalars(): Record<string, ScalarDef> {
    return {
      protected: { get: (s: FakeSheet) => s.protected },
      options: { get: (s: FakeSheet) => ({ ...(s.protectionOptions ?? {}) }) },
    };
  }
  get protected(): boolean {
    return this._get('protected');
  }
  get options(): Record<string, unknown> {
    return this._get('options');
  }
  protect(options?: Record<string, unknown>, password?: string): void {
    this._queue('protect', [options ?? null, password === undefined ? null : '***'], '1.2', () => {
      const s = this.sheet();
      // Excel refuses to protect a protected sheet again (WorksheetProtection.protect docs).
      if (s.protected) throw new FakeOfficeError('InvalidOperation', 'WorksheetProtection.protect');
      s.protected = true;
      s.protectionOptions = { ...(options ?? {}) };
      s.protectionPassword = password ? password : null;
    });
  }
  /** Without the right password a password-protected sheet stays protected. */
  unprotect(password?: string): void {
    this._queue('unprotect', [password === undefined ? null : '***'], '1.7', () => {
      const s = this.sheet();
      if (s.protected && s.protectionPassword !== null && s.protectionPassword !== password) {
        throw new FakeOfficeError('InvalidArgument', 'WorksheetProtection.unprotect', 'The password is incorrect.');
      }
      s.protected = false;
      s.protectionOptions = null;
      s.protectionPassword = null;
    });
  }
}

const ORIENTATIONS = ['Portrait', 'Landscape'];
const PAPER_SIZES = ['A3', 'A4', 'A5', 'Letter', 'Legal', 'Executive', 'Tabloid'];

/** Worksheet.pageLayout (ExcelApi 1.9): what printing uses. */
export class FakePageLayoutProxy extends FakeClientObject {
  constructor(ctx: Ctx, path: string | PathStep, version: string, private readonly sheet: () => FakeSheet) {
    super(ctx, path, version);
  }
  get _className(): string {
    return 'PageLayout';
  }
  _resolve(): FakeSheet {
    return this.sheet();
  }
  override _sheetName(): string | undefined {
    return this.sheet().name;
  }
  override _scalars(): Record<string, ScalarDef> {
    return {
      orientation: { get: (s: FakeSheet) => s.pageLayout.orientation },
      paperSize: { get: (s: FakeSheet) => s.pageLayout.paperSize },
      zoom: { get: (s: FakeSheet) => ({ ...s.pageLayout.zoom }) },
    };
  }
  override _navNames(): string[] {
    return ['headersFooters'];
  }
  private layout(): FakePageLayout {
    const s = this.sheet();
    assertWritable(s, 'PageLayout');
    return s.pageLayout;
  }
  get orientation(): string {
    return this._get('orientation');
  }
  set orientation(v: string) {
    this._set('orientation', v, '1.9', () => {
      if (!ORIENTATIONS.includes(v)) throw new FakeOfficeError('InvalidArgument', 'PageLayout.orientation');
      this.layout().orientation = v as FakePageLayout['orientation'];
    });
  }
  get paperSize(): string {
    return this._get('paperSize');
  }
  set paperSize(v: string) {
    this._set('paperSize', v, '1.9', () => {
      if (!PAPER_SIZES.includes(v)) throw new FakeOfficeError('InvalidArgument', 'PageLayout.paperSize');
      this.layout().paperSize = v;
    });
  }
  get zoom(): FakePageLayout['zoom'] {
    return this._get('zoom');
  }
  set zoom(v: FakePageLayout['zoom']) {
    this._set('zoom', v, '1.9', () => {
      const { horizontalFitToPages: h, verticalFitToPages: w, scale } = v ?? {};
      const pages = (n: unknown): boolean => n === undefined || (Number.isInteger(n) && (n as number) >= 0);
      // Either a scale (10–400 %) or pages to fit to; both at once is refused.
      if (scale !== undefined && (h !== undefined || w !== undefined)) throw new FakeOfficeError('InvalidArgument', 'PageLayout.zoom');
      if (scale !== undefined && !(scale >= 10 && scale <= 400)) throw new FakeOfficeError('InvalidArgument', 'PageLayout.zoom');
      if (!pages(h) || !pages(w)) throw new FakeOfficeError('InvalidArgument', 'PageLayout.zoom');
      this.layout().zoom = { ...v };
    });
  }
  setPrintTitleRows(rows: string): void {
    this._queue('setPrintTitleRows', [rows], '1.9', () => {
      // Whole rows: "$1:$3" (a range of cells is refused).
      if (typeof rows !== 'string' || !/^\$?\d+:\$?\d+$/.test(rows)) throw new FakeOfficeError('InvalidArgument', 'PageLayout.setPrintTitleRows');
      this.layout().printTitleRows = rows;
    });
  }
  get headersFooters(): FakeHeadersFooters {
    return this._nav('headersFooters', () => new FakeHeadersFooters(this._ctx, this._sub(`headersFooters`), '1.9', this.sheet));
  }
}

export class FakeHeadersFooters extends FakeClientObject {
  constructor(ctx: Ctx, path: string | PathStep, version: string, private readonly sheet: () => FakeSheet) {
    super(ctx, path, version);
  }
  get _className(): string {
    return 'HeaderFooterGroup';
  }
  _resolve(): FakeSheet {
    return this.sheet();
  }
  override _navNames(): string[] {
    return ['defaultForAllPages'];
  }
  get defaultForAllPages(): FakeHeaderFooter {
    return this._nav('defaultForAllPages', () => new FakeHeaderFooter(this._ctx, this._sub(`defaultForAllPages`), '1.9', this.sheet));
  }
}

export class FakeHeaderFooter extends FakeClientObject {
  constructor(ctx: Ctx, path: string | PathStep, version: string, private readonly sheet: () => FakeSheet) {
    super(ctx, path, version);
  }
  get _className(): string {
    return 'HeaderFooter';
  }
  _resolve(): FakeSheet {
    return this.sheet();
  }
  override _scalars(): Record<string, ScalarDef> {
    return {
      leftFooter: { get: (s: FakeSheet) => s.pageLayout.footer.left },
      centerFooter: { get: (s: FakeSheet) => s.pageLayout.footer.center },
      rightFooter: { get: (s: FakeSheet) => s.pageLayout.footer.right },
    };
  }
  private write(side: 'left' | 'center' | 'right', v: string): void {
    const s = this.sheet();
    assertWritable(s, 'HeaderFooter');
    // Excel keeps at most 255 characters in a header or footer section.
    if (typeof v !== 'string' || v.length > 255) throw new FakeOfficeError('InvalidArgument', 'HeaderFooter');
    s.pageLayout.footer[side] = v;
  }
  set leftFooter(v: string) {
    this._set('leftFooter', v, '1.9', () => this.write('left', v));
  }
  set centerFooter(v: string) {
    this._set('centerFooter', v, '1.9', () => this.write('center', v));
  }
  set rightFooter(v: string) {
    this._set('rightFooter', v, '1.9', () => this.write('right', v));
  }
}

export class FakeFreezePanes extends FakeClientObject {
  constructor(ctx: Ctx, path: string | PathStep, version: string, private readonly sheet: () => FakeSheet) {
    super(ctx, path, version);
  }
  get _className(): string {
    return 'WorksheetFreezePanes';
  }
  _resolve(): FakeSheet {
    return this.sheet();
  }
  freezeRows(count?: number): void {
    this._queue('freezeRows', [count ?? 1], '1.7', () => {
      this.sheet().frozenRows = count ?? 1;
    });
  }
  unfreeze(): void {
    this._queue('unfreeze', [], '1.7', () => {
      this.sheet().frozenRows = 0;
    });
  }
}

/** `onChanged` and friends. Registration takes effect at once (Excel confirms it at the next sync). */
export class FakeEventHandlers extends FakeClientObject {
  constructor(ctx: Ctx, path: string | PathStep, version: string, private readonly kind: string, private readonly sheetId: () => string | null) {
    super(ctx, path, version);
  }
  get _className(): string {
    return 'EventHandlers';
  }
  _resolve(): unknown {
    return null;
  }
  add(handler: (args: unknown) => unknown): { context: Ctx; remove(): void } {
    if (!this._ctx._host.supports(this._version)) throw new FakeOfficeError('ApiNotFound', `${this.kind}.add`);
    const remove = this._ctx._host.register(this.kind, this.sheetId(), handler);
    const ctx = this._ctx;
    return {
      context: ctx,
      remove() {
        remove();
      },
    };
  }
}

/** Which cells a range or range-areas proxy covers, for the format proxies shared by both. */
type AreasLocator = () => AreasTarget;

export class FakeRange extends FakeClientObject {
  constructor(ctx: Ctx, path: string | PathStep, version: string, private readonly locate: () => RangeTarget, nullable = false) {
    super(ctx, path, version, nullable);
  }

  get _className(): string {
    return 'Range';
  }

  _resolve(): RangeTarget {
    return this.locate();
  }

  override _sheetName(): string | undefined {
    return this.locate().sheet.name;
  }

  override _scalars(): Record<string, ScalarDef> {
    const read = (f: (t: RangeTarget) => unknown) => (t: RangeTarget) => {
      assertReadable(t.rect, 'Range');
      return f(t);
    };
    return {
      address: { get: (t: RangeTarget) => `${quoteSheet(t.sheet.name)}!${rectToA1(t.rect)}` },
      addressLocal: { get: (t: RangeTarget) => `${quoteSheet(t.sheet.name)}!${rectToA1(t.rect)}` },
      rowCount: { get: (t: RangeTarget) => t.rect.r1 - t.rect.r0 + 1 },
      columnCount: { get: (t: RangeTarget) => t.rect.c1 - t.rect.c0 + 1 },
      rowIndex: { get: (t: RangeTarget) => t.rect.r0 },
      columnIndex: { get: (t: RangeTarget) => t.rect.c0 },
      cellCount: { get: (t: RangeTarget) => rectCells(t.rect) },
      values: { get: read((t) => grid(t.rect, (r, c) => valueOut(t.sheet.getValue(r, c)))) },
      valueTypes: { get: read((t) => grid(t.rect, (r, c) => valueTypeOut(t.sheet.getValue(r, c)))) },
      text: { get: read((t) => grid(t.rect, (r, c) => displayText(t.sheet.getValue(r, c), t.sheet.numberFormat(r, c), modelOf(this._ctx).date1904))) },
      formulas: { get: read((t) => grid(t.rect, (r, c) => t.sheet.formulas.get(cellKey(r, c)) ?? valueOut(t.sheet.getValue(r, c)))) },
      numberFormat: { get: read((t) => grid(t.rect, (r, c) => t.sheet.numberFormat(r, c))) },
      hyperlink: {
        get: (t: RangeTarget) => {
          const h = t.sheet.hyperlinks.get(cellKey(t.rect.r0, t.rect.c0));
          return h ? { ...h } : null;
        },
        version: '1.7',
      },
      isEntireColumn: { get: (t: RangeTarget) => t.rect.r0 === 0 && t.rect.r1 === MAX_ROWS - 1 },
      isEntireRow: { get: (t: RangeTarget) => t.rect.c0 === 0 && t.rect.c1 === MAX_COLS - 1 },
    };
  }

  override _navNames(): string[] {
    return ['format', 'worksheet', 'dataValidation', 'conditionalFormats'];
  }

  get address(): string {
    return this._get('address');
  }
  get rowCount(): number {
    return this._get('rowCount');
  }
  get columnCount(): number {
    return this._get('columnCount');
  }
  get rowIndex(): number {
    return this._get('rowIndex');
  }
  get columnIndex(): number {
    return this._get('columnIndex');
  }
  get cellCount(): number {
    return this._get('cellCount');
  }
  get valueTypes(): string[][] {
    return this._get('valueTypes');
  }
  get text(): string[][] {
    return this._get('text');
  }

  get values(): unknown[][] {
    return this._get('values');
  }
  set values(v: unknown[][]) {
    this._set('values', v, '1.1', (scope) => this._writeValues(v, false, scope));
  }
  get formulas(): unknown[][] {
    return this._get('formulas');
  }
  set formulas(v: unknown[][]) {
    this._set('formulas', v, '1.1', (scope) => this._writeValues(v, true, scope));
  }

  private _writeValues(input: unknown, asFormulas: boolean, scope: ApplyScope): void {
    const { sheet, rect } = this.locate();
    const loc = asFormulas ? 'Range.formulas' : 'Range.values';
    assertWritable(sheet, loc, rect);
    const at = shaped(input, rect, loc);
    for (let r = rect.r0; r <= rect.r1; r++) {
      for (let c = rect.c0; c <= rect.c1; c++) {
        const key = cellKey(r, c);
        const coerced = coerceInput(at(r, c), sheet.numberFormat(r, c), loc, this._ctx._host.textFormatOnValues);
        if (coerced.skip) continue;
        sheet.setValue(r, c, coerced.value);
        if (coerced.formula) sheet.formulas.set(key, coerced.formula);
        else sheet.formulas.delete(key);
        if (coerced.format) sheet.numberFormats.set(key, coerced.format);
      }
    }
    scope.changed(sheet, rect, 'changed');
  }

  get numberFormat(): unknown[][] {
    return this._get('numberFormat');
  }
  set numberFormat(v: unknown[][]) {
    this._set('numberFormat', v, '1.1', (scope) => {
      const { sheet, rect } = this.locate();
      assertWritable(sheet, 'Range.numberFormat', 'format');
      if (!Array.isArray(v) && typeof v === 'string' && rect.r1 === MAX_ROWS - 1) {
        // A format down to the sheet's last row is a column style in Excel: store it once, not per cell.
        for (let c = rect.c0; c <= rect.c1; c++) {
          sheet.columnFormats.set(c, { fromRow: rect.r0, format: v === '' ? 'General' : v });
          for (const key of [...sheet.numberFormats.keys()]) if (keyCol(key) === c && keyRow(key) >= rect.r0) sheet.numberFormats.delete(key);
        }
        scope.changed(sheet, rect, 'formatChanged');
        return;
      }
      const at = shaped(v, rect, 'Range.numberFormat');
      for (let r = rect.r0; r <= rect.r1; r++) {
        for (let c = rect.c0; c <= rect.c1; c++) {
          const f = at(r, c);
          if (f === null || f === undefined) continue;
          if (typeof f !== 'string') throw new FakeOfficeError('InvalidArgument', 'Range.numberFormat');
          // An empty string resets to General ("Blank and null values" in the Excel add-in docs).
          if (f === 'General' || f === '') sheet.numberFormats.delete(cellKey(r, c));
          else sheet.numberFormats.set(cellKey(r, c), f);
        }
      }
      scope.changed(sheet, rect, 'formatChanged');
    });
  }

  get hyperlink(): Record<string, string> | null {
    return this._get('hyperlink');
  }
  set hyperlink(v: Record<string, string> | null) {
    this._set('hyperlink', v, '1.7', (scope) => {
      const { sheet, rect } = this.locate();
      assertWritable(sheet, 'Range.hyperlink');
      if (!v || typeof v !== 'object') throw new FakeOfficeError('InvalidArgument', 'Range.hyperlink');
      if (v.documentReference !== undefined && !/!/.test(v.documentReference)) throw new FakeOfficeError('InvalidArgument', 'Range.hyperlink');
      for (const [r, c] of cellsOf([rect])) {
        sheet.hyperlinks.set(cellKey(r, c), { ...v });
        if (v.textToDisplay !== undefined) {
          const coerced = coerceInput(v.textToDisplay, sheet.numberFormat(r, c), 'Range.hyperlink');
          if (!coerced.skip) {
            sheet.setValue(r, c, coerced.value);
            if (coerced.formula) sheet.formulas.set(cellKey(r, c), coerced.formula);
          }
        }
      }
      scope.changed(sheet, rect, 'changed');
    });
  }

  get format(): FakeRangeFormat {
    return this._nav('format', () => new FakeRangeFormat(this._ctx, this._sub(`format`), this._version, () => {
      const t = this.locate();
      return { sheet: t.sheet, rects: [t.rect] };
    }));
  }
  get worksheet(): FakeWorksheet {
    return this._nav('worksheet', () => new FakeWorksheet(this._ctx, this._sub(`worksheet`), this._version, () => this.locate().sheet));
  }
  get dataValidation(): FakeDataValidation {
    return this._nav('dataValidation', () => new FakeDataValidation(this._ctx, this._sub(`dataValidation`), '1.8', () => this.locate()));
  }
  /** The conditional formats intersecting the range (ExcelApi 1.6). */
  get conditionalFormats(): FakeConditionalFormatCollection {
    return this._nav('conditionalFormats', () => new FakeConditionalFormatCollection(this._ctx, this._sub(`conditionalFormats`), '1.6', () => {
      const t = this.locate();
      return { sheet: t.sheet, rects: [t.rect] };
    }));
  }

  private _derived(name: string, version: string, f: (t: RangeTarget) => RangeTarget, nullable = false): FakeRange {
    return new FakeRange(this._ctx, this._sub(`${name}`), version, () => f(this.locate()), nullable);
  }

  getCell(row: number, column: number): FakeRange {
    return this._derived(`getCell(${row},${column})`, '1.1', ({ sheet, rect }) => {
      const r = rect.r0 + row;
      const c = rect.c0 + column;
      if (r < 0 || c < 0 || r >= MAX_ROWS || c >= MAX_COLS) throw new FakeOfficeError('InvalidArgument', 'Range.getCell');
      return { sheet, rect: { r0: r, c0: c, r1: r, c1: c } };
    });
  }
  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this._derived(`getResizedRange(${deltaRows},${deltaColumns})`, '1.7', ({ sheet, rect }) => {
      const out = { ...rect, r1: rect.r1 + deltaRows, c1: rect.c1 + deltaColumns };
      if (out.r1 < out.r0 || out.c1 < out.c0 || out.r1 >= MAX_ROWS || out.c1 >= MAX_COLS) throw new FakeOfficeError('InvalidArgument', 'Range.getResizedRange');
      return { sheet, rect: out };
    });
  }
  getOffsetRange(rowOffset: number, columnOffset: number): FakeRange {
    return this._derived(`getOffsetRange(${rowOffset},${columnOffset})`, '1.1', ({ sheet, rect }) => {
      const out = { r0: rect.r0 + rowOffset, c0: rect.c0 + columnOffset, r1: rect.r1 + rowOffset, c1: rect.c1 + columnOffset };
      if (out.r0 < 0 || out.c0 < 0 || out.r1 >= MAX_ROWS || out.c1 >= MAX_COLS) throw new FakeOfficeError('InvalidArgument', 'Range.getOffsetRange');
      return { sheet, rect: out };
    });
  }
  getRow(row: number): FakeRange {
    return this._derived(`getRow(${row})`, '1.1', ({ sheet, rect }) => ({ sheet, rect: { r0: rect.r0 + row, r1: rect.r0 + row, c0: rect.c0, c1: rect.c1 } }));
  }
  getColumn(column: number): FakeRange {
    return this._derived(`getColumn(${column})`, '1.1', ({ sheet, rect }) => ({ sheet, rect: { r0: rect.r0, r1: rect.r1, c0: rect.c0 + column, c1: rect.c0 + column } }));
  }
  getEntireColumn(): FakeRange {
    return this._derived('getEntireColumn()', '1.1', ({ sheet, rect }) => ({ sheet, rect: { r0: 0, r1: MAX_ROWS - 1, c0: rect.c0, c1: rect.c1 } }));
  }
  getIntersectionOrNullObject(other: FakeRange | string): FakeRange {
    return this._derived(`getIntersectionOrNullObject(${typeof other === 'string' ? JSON.stringify(other) : 'null'})`, '1.4', ({ sheet, rect }) => {
      const o = typeof other === 'string' ? parseOn(sheet, other, 'Range.getIntersectionOrNullObject') : other._resolve().rect;
      const i = intersect(rect, o);
      if (!i) throw notFound('Range.getIntersectionOrNullObject');
      return { sheet, rect: i };
    }, true);
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return this._derived(`getUsedRangeOrNullObject(${valuesOnly === true})`, '1.4', ({ sheet, rect }) => {
      const used = sheet.usedRect(valuesOnly === true);
      const i = used ? intersect(used, rect) : null;
      if (!i) throw notFound('Range.getUsedRangeOrNullObject');
      return { sheet, rect: i };
    }, true);
  }

  /** The merged areas overlapping the range (ExcelApi 1.13); a null object when there are none. */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this._ctx, this._sub(`getMergedAreasOrNullObject()`), '1.13', () => {
      const { sheet, rect } = this.locate();
      const rects = sheet.merged.filter((m) => intersect(m, rect));
      if (rects.length === 0) throw notFound('Range.getMergedAreasOrNullObject');
      return { sheet, rects };
    }, true);
  }

  /** Per-cell formats as `getCellProperties` reports them (only properties set on the cell itself). */
  getCellProperties(options: Record<string, unknown>): FakeClientResult<Record<string, unknown>[][]> {
    const result = new FakeClientResult<Record<string, unknown>[][]>();
    this._queue('getCellProperties', [options], '1.9', (scope) => {
      const { sheet, rect } = this.locate();
      assertReadable(rect, 'Range.getCellProperties');
      const props = grid(rect, (r, c) => cellProperties(sheet, r, c, options, scope.host.fillPatternReported));
      scope.stage(props, () => {
        result._value = props;
        result._loaded = true;
      });
    });
    return result;
  }

  select(): void {
    this._queue('select', [], '1.1', () => {
      const { sheet, rect } = this.locate();
      if (sheet.visibility !== 'Visible') throw new FakeOfficeError('InvalidSelection', 'Range.select');
      const m = modelOf(this._ctx);
      m.activeSheetId = sheet.id;
      m.selection = { sheetId: sheet.id, rect };
    });
  }

  clear(applyTo?: string): void {
    this._queue('clear', [applyTo ?? 'All'], '1.1', (scope) => {
      const t = this.locate();
      clearAreas({ sheet: t.sheet, rects: [t.rect] }, applyTo ?? 'All', scope);
    });
  }

  merge(across?: boolean): void {
    this._queue('merge', [across === true], '1.2', () => {
      const { sheet, rect } = this.locate();
      assertWritable(sheet, 'Range.merge');
      // Excel cannot merge over a merged area; the fake refuses so a plan with overlapping merges fails.
      if (sheet.merged.some((m) => intersect(m, rect))) throw new FakeOfficeError('InvalidOperation', 'Range.merge');
      sheet.merged.push({ ...rect });
    });
  }
}

/**
 * The pattern Excel reports for a cell's fill. As documented: the fill's pattern, "None" for No Fill. Some
 * builds report null for every cell, white fills and No Fill alike, and No Fill's colour as #FFFFFF
 * (office-js #4900, #6218); `tintAndShade` still tells them apart: null for No Fill, a number for a fill.
 */
function reportedPattern(fill: FakeFill | undefined, report: 'documented' | 'null'): string | null {
  if (report === 'null') return null;
  return fill ? fill.pattern : 'None';
}

function cellProperties(sheet: FakeSheet, r: number, c: number, options: Record<string, unknown>, report: 'documented' | 'null'): Record<string, unknown> {
  const key = cellKey(r, c);
  const out: Record<string, unknown> = {};
  if (options.address) out.address = `${quoteSheet(sheet.name)}!${rectToA1({ r0: r, c0: c, r1: r, c1: c })}`;
  const fmt = options.format;
  if (fmt && typeof fmt === 'object') {
    const f = fmt as Record<string, unknown>;
    const format: Record<string, unknown> = {};
    if (f.fill && typeof f.fill === 'object') {
      const want = f.fill as Record<string, unknown>;
      const fill = sheet.fills.get(key);
      const o: Record<string, unknown> = {};
      if (want.color) o.color = fill ? fill.color : '#FFFFFF';
      if (want.pattern) o.pattern = reportedPattern(fill, report);
      if (want.tintAndShade) o.tintAndShade = fill ? 0 : null;
      format.fill = o;
    }
    if (f.font && typeof f.font === 'object') {
      const want = f.font as Record<string, unknown>;
      const font = sheet.fonts.get(key);
      const o: Record<string, unknown> = {};
      if (want.color) o.color = font?.color ?? '#000000';
      if (want.bold) o.bold = font?.bold ?? false;
      if (want.italic) o.italic = font?.italic ?? false;
      format.font = o;
    }
    out.format = format;
  }
  if (options.hyperlink) {
    const h = sheet.hyperlinks.get(key);
    out.hyperlink = h ? { ...h } : null;
  }
  return out;
}

function clearAreas(t: AreasTarget, applyTo: string, scope: ApplyScope): void {
  assertWritable(t.sheet, 'Range.clear');
  const all = applyTo === 'All';
  for (const [r, c] of cellsOf(t.rects.map((x) => clipToUsed(t.sheet, x)).filter((x): x is Rect => x !== null))) {
    const key = cellKey(r, c);
    if (all || applyTo === 'Contents') {
      t.sheet.setValue(r, c, null);
      t.sheet.formulas.delete(key);
    }
    if (all || applyTo === 'Formats') {
      t.sheet.fills.delete(key);
      t.sheet.fonts.delete(key);
      t.sheet.numberFormats.delete(key);
      t.sheet.alignments.delete(key);
      t.sheet.wraps.delete(key);
      t.sheet.verticalAlignments.delete(key);
      t.sheet.borders.delete(key);
    }
    if (all || applyTo === 'Hyperlinks') t.sheet.hyperlinks.delete(key);
  }
  if (all || applyTo === 'Formats') clearConditionalFormats(t.sheet, t.rects);
  for (const rect of t.rects) scope.changed(t.sheet, rect, all || applyTo === 'Contents' ? 'changed' : 'formatChanged');
}

/** Whole-column clears would visit a million rows; only the used part can hold anything. */
function clipToUsed(sheet: FakeSheet, rect: Rect): Rect | null {
  const used = sheet.usedRect(false);
  return used ? intersect(used, rect) : null;
}

export class FakeRangeAreas extends FakeClientObject {
  constructor(ctx: Ctx, path: string | PathStep, version: string, private readonly locate: AreasLocator, nullable = false) {
    super(ctx, path, version, nullable);
  }
  get _className(): string {
    return 'RangeAreas';
  }
  _resolve(): AreasTarget {
    return this.locate();
  }
  override _sheetName(): string | undefined {
    return this.locate().sheet.name;
  }
  override _scalars(): Record<string, ScalarDef> {
    return {
      address: { get: (t: AreasTarget) => t.rects.map((r) => `${quoteSheet(t.sheet.name)}!${rectToA1(r)}`).join(',') },
      areaCount: { get: (t: AreasTarget) => t.rects.length },
      cellCount: { get: (t: AreasTarget) => t.rects.reduce((n, r) => n + rectCells(r), 0) },
    };
  }
  override _navNames(): string[] {
    return ['format', 'areas', 'conditionalFormats'];
  }
  /** The conditional formats intersecting any of the areas (ExcelApi 1.9). */
  get conditionalFormats(): FakeConditionalFormatCollection {
    return this._nav('conditionalFormats', () => new FakeConditionalFormatCollection(this._ctx, this._sub(`conditionalFormats`), '1.9', this.locate));
  }
  get address(): string {
    return this._get('address');
  }
  get areaCount(): number {
    return this._get('areaCount');
  }
  get format(): FakeRangeFormat {
    return this._nav('format', () => new FakeRangeFormat(this._ctx, this._sub(`format`), this._version, this.locate));
  }
  get areas(): FakeRangeCollection {
    return this._nav('areas', () => new FakeRangeCollection(this._ctx, this._sub(`areas`), this._version, this.locate));
  }
  clear(applyTo?: string): void {
    this._queue('clear', [applyTo ?? 'All'], '1.9', (scope) => clearAreas(this.locate(), applyTo ?? 'All', scope));
  }
}

export class FakeRangeCollection extends FakeCollection<FakeRange> {
  constructor(ctx: Ctx, path: string | PathStep, version: string, private readonly locate: AreasLocator) {
    super(ctx, path, version);
  }
  get _className(): string {
    return 'RangeCollection';
  }
  _resolve(): unknown {
    return this.locate();
  }
  _itemProxies(): FakeRange[] {
    const t = this.locate();
    return t.rects.map((rect, i) => new FakeRange(this._ctx, this._sub(`getItemAt(${i})`), this._version, () => ({ sheet: t.sheet, rect })));
  }
}

/** A part of a range or range areas (its format, fill, font): resolved through the owner's locator. */
abstract class FakeAreasPart extends FakeClientObject {
  constructor(ctx: Ctx, path: string | PathStep, version: string, protected readonly locate: AreasLocator) {
    super(ctx, path, version);
  }
  _resolve(): AreasTarget {
    return this.locate();
  }
  override _sheetName(): string | undefined {
    return this.locate().sheet.name;
  }
}

export class FakeRangeFormat extends FakeAreasPart {
  get _className(): string {
    return 'RangeFormat';
  }
  override _scalars(): Record<string, ScalarDef> {
    return {
      columnWidth: { get: (t: AreasTarget) => uniform([...columnsOf(t.rects)].map((c) => t.sheet.columnWidths.get(c) ?? 48)) },
      wrapText: { get: (t: AreasTarget) => uniform([...cellsOf(t.rects)].map(([r, c]) => t.sheet.wraps.has(cellKey(r, c)))) },
      horizontalAlignment: { get: (t: AreasTarget) => uniform([...cellsOf(t.rects)].map(([r, c]) => t.sheet.alignments.get(cellKey(r, c)) ?? 'General')) },
      verticalAlignment: { get: (t: AreasTarget) => uniform([...cellsOf(t.rects)].map(([r, c]) => t.sheet.verticalAlignments.get(cellKey(r, c)) ?? 'Bottom')) },
    };
  }
  override _navNames(): string[] {
    return ['fill', 'font', 'borders', 'protection'];
  }
  get borders(): FakeRangeBorderCollection {
    return this._nav('borders', () => new FakeRangeBorderCollection(this._ctx, this._sub(`borders`), '1.1', this.locate));
  }
  get protection(): FakeFormatProtection {
    return this._nav('protection', () => new FakeFormatProtection(this._ctx, this._sub(`protection`), '1.2', this.locate));
  }
  get horizontalAlignment(): string {
    return this._get('horizontalAlignment');
  }
  set horizontalAlignment(v: string) {
    this._set('horizontalAlignment', v, '1.1', () => {
      const t = this.locate();
      assertWritable(t.sheet, 'RangeFormat.horizontalAlignment');
      if (!['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'].includes(v)) {
        throw new FakeOfficeError('InvalidArgument', 'RangeFormat.horizontalAlignment');
      }
      for (const [r, c] of cellsOf(t.rects)) {
        if (v === 'General') t.sheet.alignments.delete(cellKey(r, c));
        else t.sheet.alignments.set(cellKey(r, c), v);
      }
    });
  }
  get verticalAlignment(): string {
    return this._get('verticalAlignment');
  }
  set verticalAlignment(v: string) {
    this._set('verticalAlignment', v, '1.1', () => {
      const t = this.locate();
      assertWritable(t.sheet, 'RangeFormat.verticalAlignment');
      if (!['Top', 'Center', 'Bottom', 'Justify', 'Distributed'].includes(v)) throw new FakeOfficeError('InvalidArgument', 'RangeFormat.verticalAlignment');
      for (const [r, c] of cellsOf(t.rects)) {
        if (v === 'Bottom') t.sheet.verticalAlignments.delete(cellKey(r, c));
        else t.sheet.verticalAlignments.set(cellKey(r, c), v);
      }
    });
  }
  autofitRows(): void {
    this._queue('autofitRows', [], '1.2', () => assertWritable(this.locate().sheet, 'RangeFormat.autofitRows'));
  }
  get fill(): FakeRangeFill {
    return this._nav('fill', () => new FakeRangeFill(this._ctx, this._sub(`fill`), this._version, this.locate));
  }
  get font(): FakeRangeFont {
    return this._nav('font', () => new FakeRangeFont(this._ctx, this._sub(`font`), this._version, this.locate));
  }
  get columnWidth(): number {
    return this._get('columnWidth');
  }
  set columnWidth(v: number) {
    this._set('columnWidth', v, '1.2', () => {
      const t = this.locate();
      assertWritable(t.sheet, 'RangeFormat.columnWidth');
      if (typeof v !== 'number' || !(v >= 0)) throw new FakeOfficeError('InvalidArgument', 'RangeFormat.columnWidth');
      for (const c of columnsOf(t.rects)) t.sheet.columnWidths.set(c, v);
    });
  }
  get wrapText(): boolean {
    return this._get('wrapText');
  }
  set wrapText(v: boolean) {
    this._set('wrapText', v, '1.1', () => {
      const t = this.locate();
      assertWritable(t.sheet, 'RangeFormat.wrapText', 'format');
      if (typeof v !== 'boolean') throw new FakeOfficeError('InvalidArgument', 'RangeFormat.wrapText');
      for (const [r, c] of cellsOf(t.rects)) {
        if (v) t.sheet.wraps.add(cellKey(r, c));
        else t.sheet.wraps.delete(cellKey(r, c));
      }
    });
  }
  autofitColumns(): void {
    this._queue('autofitColumns', [], '1.2', () => assertWritable(this.locate().sheet, 'RangeFormat.autofitColumns'));
  }
}

function* columnsOf(rects: Rect[]): Generator<number> {
  const seen = new Set<number>();
  for (const r of rects) {
    for (let c = r.c0; c <= r.c1; c++) {
      if (!seen.has(c)) {
        seen.add(c);
        yield c;
      }
    }
  }
}

const BORDER_INDEXES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal', 'DiagonalDown', 'DiagonalUp'];

export class FakeRangeBorderCollection extends FakeAreasPart {
  get _className(): string {
    return 'RangeBorderCollection';
  }
  getItem(index: string): FakeRangeBorder {
    if (!BORDER_INDEXES.includes(index)) throw new FakeOfficeError('InvalidArgument', 'RangeBorderCollection.getItem');
    return new FakeRangeBorder(this._ctx, this._sub(`getItem(${JSON.stringify(index)})`), '1.1', this.locate, index);
  }
}

/**
 * One border of a range. Excel draws an edge on the outer cells of each area and an inside line between
 * the area's cells; the fake records them per cell side (an inside line on both cells it separates).
 */
export class FakeRangeBorder extends FakeAreasPart {
  constructor(ctx: Ctx, path: string | PathStep, version: string, locate: AreasLocator, private readonly index: string) {
    super(ctx, path, version, locate);
  }
  get _className(): string {
    return 'RangeBorder';
  }
  private sidesOf(rect: Rect, r: number, c: number): BorderSide[] {
    switch (this.index) {
      case 'EdgeTop': return r === rect.r0 ? ['top'] : [];
      case 'EdgeBottom': return r === rect.r1 ? ['bottom'] : [];
      case 'EdgeLeft': return c === rect.c0 ? ['left'] : [];
      case 'EdgeRight': return c === rect.c1 ? ['right'] : [];
      case 'InsideHorizontal': return [...(r > rect.r0 ? ['top' as const] : []), ...(r < rect.r1 ? ['bottom' as const] : [])];
      case 'InsideVertical': return [...(c > rect.c0 ? ['left' as const] : []), ...(c < rect.c1 ? ['right' as const] : [])];
      default: return [];
    }
  }
  private write(patch: { style?: string; weight?: string }): void {
    const t = this.locate();
    assertWritable(t.sheet, 'RangeBorder');
    for (const rect of t.rects) {
      for (let r = rect.r0; r <= rect.r1; r++) {
        for (let c = rect.c0; c <= rect.c1; c++) {
          const key = cellKey(r, c);
          for (const side of this.sidesOf(rect, r, c)) {
            const sides = { ...t.sheet.borders.get(key) };
            const prev = sides[side] ?? { style: 'None', weight: 'Thin' };
            const next = { ...prev, ...patch };
            if (next.style === 'None') delete sides[side];
            else sides[side] = next;
            t.sheet.borders.set(key, sides);
          }
        }
      }
    }
  }
  set style(v: string) {
    this._set('style', v, '1.1', () => {
      if (!['None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot', 'Double', 'SlantDashDot'].includes(v)) throw new FakeOfficeError('InvalidArgument', 'RangeBorder.style');
      this.write({ style: v });
    });
  }
  set weight(v: string) {
    this._set('weight', v, '1.1', () => {
      if (!['Hairline', 'Thin', 'Medium', 'Thick'].includes(v)) throw new FakeOfficeError('InvalidArgument', 'RangeBorder.weight');
      this.write({ weight: v });
    });
  }
}

/** RangeFormat.protection (ExcelApi 1.2): whether cells stay editable once the sheet is protected. */
/** The top of an area (a lock state read over a whole column samples its first hundred rows). */
function sampleTop(rect: Rect): Rect {
  return { ...rect, r1: Math.min(rect.r1, rect.r0 + 99) };
}

export class FakeFormatProtection extends FakeAreasPart {
  get _className(): string {
    return 'FormatProtection';
  }
  override _scalars(): Record<string, ScalarDef> {
    return { locked: { get: (t: AreasTarget) => uniform([...cellsOf(t.rects.map(sampleTop))].map(([r, c]) => t.sheet.isLocked(r, c))) } };
  }
  get locked(): boolean {
    return this._get('locked');
  }
  set locked(v: boolean) {
    this._set('locked', v, '1.2', () => {
      const t = this.locate();
      // Excel refuses to change locking on a protected sheet.
      assertWritable(t.sheet, 'FormatProtection.locked');
      if (typeof v !== 'boolean') throw new FakeOfficeError('InvalidArgument', 'FormatProtection.locked');
      for (const rect of t.rects) {
        // Whole columns are kept as areas: a template unlocks its input columns down to the last row.
        t.sheet.unlockedAreas = t.sheet.unlockedAreas.filter((u) => !(rect.r0 <= u.r0 && u.r1 <= rect.r1 && rect.c0 <= u.c0 && u.c1 <= rect.c1));
        if (rect.r1 === MAX_ROWS - 1) {
          if (!v) t.sheet.unlockedAreas.push({ ...rect });
          continue;
        }
        for (const [r, c] of cellsOf([rect])) {
          if (v) t.sheet.unlocked.delete(cellKey(r, c));
          else t.sheet.unlocked.add(cellKey(r, c));
        }
      }
    });
  }
}

export class FakeRangeFill extends FakeAreasPart {
  get _className(): string {
    return 'RangeFill';
  }
  override _scalars(): Record<string, ScalarDef> {
    const each = <T>(t: AreasTarget, f: (fill: FakeFill | undefined) => T): T | null => {
      const out: T[] = [];
      for (const [r, c] of cellsOf(t.rects)) out.push(f(t.sheet.fills.get(cellKey(r, c))));
      return uniform(out);
    };
    return {
      color: { get: (t: AreasTarget) => each(t, (f) => f?.color ?? '#FFFFFF') },
      pattern: { get: (t: AreasTarget) => each(t, (f) => reportedPattern(f, this._ctx._host.fillPatternReported)), version: '1.9' },
      tintAndShade: { get: (t: AreasTarget) => each(t, (f) => (f ? 0 : null)), version: '1.9' },
    };
  }
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this._set('color', v, '1.1', (scope) => {
      const t = this.locate();
      assertWritable(t.sheet, 'RangeFill.color', 'format');
      const color = typeof v === 'string' ? normalizeColor(v) : null;
      if (!color) throw new FakeOfficeError('InvalidArgument', 'RangeFill.color');
      for (const [r, c] of cellsOf(t.rects)) {
        const key = cellKey(r, c);
        const prev = t.sheet.fills.get(key);
        t.sheet.fills.set(key, { color, pattern: prev && prev.pattern !== 'None' ? prev.pattern : 'Solid' });
      }
      t.rects.forEach((rect) => scope.changed(t.sheet, rect, 'formatChanged'));
    });
  }
  get pattern(): string {
    return this._get('pattern');
  }
  clear(): void {
    this._queue('clear', [], '1.1', (scope) => {
      const t = this.locate();
      assertWritable(t.sheet, 'RangeFill.clear', 'format');
      for (const [r, c] of cellsOf(t.rects)) t.sheet.fills.delete(cellKey(r, c));
      t.rects.forEach((rect) => scope.changed(t.sheet, rect, 'formatChanged'));
    });
  }
}

export class FakeRangeFont extends FakeAreasPart {
  get _className(): string {
    return 'RangeFont';
  }
  override _scalars(): Record<string, ScalarDef> {
    const each = <T>(t: AreasTarget, f: (k: number) => T): T | null => {
      const out: T[] = [];
      for (const [r, c] of cellsOf(t.rects)) out.push(f(cellKey(r, c)));
      return uniform(out);
    };
    return {
      color: { get: (t: AreasTarget) => each(t, (k) => t.sheet.fonts.get(k)?.color ?? '#000000') },
      bold: { get: (t: AreasTarget) => each(t, (k) => t.sheet.fonts.get(k)?.bold ?? false) },
      italic: { get: (t: AreasTarget) => each(t, (k) => t.sheet.fonts.get(k)?.italic ?? false) },
      name: { get: (t: AreasTarget) => each(t, (k) => t.sheet.fonts.get(k)?.name ?? 'Calibri') },
      size: { get: (t: AreasTarget) => each(t, (k) => t.sheet.fonts.get(k)?.size ?? 11) },
    };
  }
  private _write(name: 'color' | 'bold' | 'italic' | 'name' | 'size', value: string | boolean | number, scope: ApplyScope): void {
    const t = this.locate();
    assertWritable(t.sheet, `RangeFont.${name}`, 'format');
    let v: string | boolean | number = value;
    if (name === 'color') {
      const color = typeof value === 'string' ? normalizeColor(value) : null;
      if (!color) throw new FakeOfficeError('InvalidArgument', 'RangeFont.color');
      v = color;
    } else if (name === 'size') {
      // Excel takes 1–409 points.
      if (typeof value !== 'number' || !(value >= 1 && value <= 409)) throw new FakeOfficeError('InvalidArgument', 'RangeFont.size');
    } else if (name === 'name') {
      if (typeof value !== 'string' || value.trim() === '') throw new FakeOfficeError('InvalidArgument', 'RangeFont.name');
    } else if (typeof value !== 'boolean') throw new FakeOfficeError('InvalidArgument', `RangeFont.${name}`);
    for (const [r, c] of cellsOf(t.rects)) {
      const key = cellKey(r, c);
      t.sheet.fonts.set(key, { ...t.sheet.fonts.get(key), [name]: v });
    }
    t.rects.forEach((rect) => scope.changed(t.sheet, rect, 'formatChanged'));
  }
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this._set('color', v, '1.1', (scope) => this._write('color', v, scope));
  }
  get bold(): boolean {
    return this._get('bold');
  }
  set bold(v: boolean) {
    this._set('bold', v, '1.1', (scope) => this._write('bold', v, scope));
  }
  get italic(): boolean {
    return this._get('italic');
  }
  set italic(v: boolean) {
    this._set('italic', v, '1.1', (scope) => this._write('italic', v, scope));
  }
  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._set('name', v, '1.1', (scope) => this._write('name', v, scope));
  }
  get size(): number {
    return this._get('size');
  }
  set size(v: number) {
    this._set('size', v, '1.1', (scope) => this._write('size', v, scope));
  }
}

export class FakeDataValidation extends FakeClientObject {
  constructor(ctx: Ctx, path: string | PathStep, version: string, private readonly locate: () => RangeTarget) {
    super(ctx, path, version);
  }
  get _className(): string {
    return 'DataValidation';
  }
  _resolve(): RangeTarget {
    return this.locate();
  }
  override _sheetName(): string | undefined {
    return this.locate().sheet.name;
  }
  private _found(t: RangeTarget): FakeValidation | undefined {
    return t.sheet.validations.find((v) => rectContains(v.rect, t.rect.r0, t.rect.c0));
  }
  override _scalars(): Record<string, ScalarDef> {
    return {
      rule: { get: (t: RangeTarget) => this._found(t)?.rule ?? {} },
      type: {
        get: (t: RangeTarget) => {
          const rule = this._found(t)?.rule;
          if (!rule) return 'None';
          const k = Object.keys(rule)[0] ?? '';
          return k.charAt(0).toUpperCase() + k.slice(1);
        },
      },
      prompt: { get: (t: RangeTarget) => this._found(t)?.prompt ?? null },
      errorAlert: { get: (t: RangeTarget) => this._found(t)?.errorAlert ?? null },
      ignoreBlanks: { get: (t: RangeTarget) => this._found(t)?.ignoreBlanks ?? true },
    };
  }
  get rule(): Record<string, unknown> {
    return this._get('rule');
  }
  set rule(v: Record<string, unknown>) {
    this._set('rule', v, '1.8', () => {
      const t = this.locate();
      assertWritable(t.sheet, 'DataValidation.rule');
      const kinds = Object.keys(v ?? {});
      if (kinds.length !== 1) throw new FakeOfficeError('InvalidArgument', 'DataValidation.rule');
      if (kinds[0] === 'list') {
        const list = (v.list ?? {}) as Record<string, unknown>;
        if (typeof list.source !== 'string' || list.source === '') throw new FakeOfficeError('InvalidArgument', 'DataValidation.rule');
        // An inline list (not a reference) may hold at most 255 characters.
        if (!list.source.startsWith('=') && list.source.length > 255) throw new FakeOfficeError('InvalidArgument', 'DataValidation.rule');
      }
      t.sheet.validations = t.sheet.validations.filter((x) => !intersect(x.rect, t.rect));
      t.sheet.validations.push({ rect: { ...t.rect }, rule: v });
    });
  }
  set prompt(v: Record<string, unknown>) {
    this._set('prompt', v, '1.8', () => {
      // Excel keeps at most 32 characters of a title and 255 of a prompt (MS-OI29500 2.1.613).
      checkLength(v.title, 32, 'DataValidation.prompt');
      checkLength(v.message, 255, 'DataValidation.prompt');
      const found = this._found(this.locate());
      if (found) found.prompt = v;
    });
  }
  set errorAlert(v: Record<string, unknown>) {
    this._set('errorAlert', v, '1.8', () => {
      // ... and 225 of an error message (MS-XLSB DValStrings).
      checkLength(v.title, 32, 'DataValidation.errorAlert');
      checkLength(v.message, 225, 'DataValidation.errorAlert');
      const found = this._found(this.locate());
      if (found) found.errorAlert = v;
    });
  }
  set ignoreBlanks(v: boolean) {
    this._set('ignoreBlanks', v, '1.8', () => {
      const found = this._found(this.locate());
      if (found) found.ignoreBlanks = v;
    });
  }
  clear(): void {
    this._queue('clear', [], '1.8', () => {
      const t = this.locate();
      assertWritable(t.sheet, 'DataValidation.clear');
      t.sheet.validations = t.sheet.validations.filter((x) => !intersect(x.rect, t.rect));
    });
  }
}

/** Where a note or comment lives: a sheet and a cell key. */
interface CellRef {
  sheet: FakeSheet;
  key: number;
}

/** Resolves a note/comment cell argument: a one-cell Range or an address string. */
function cellRef(m: FakeWorkbookModel, arg: FakeRange | string, defaultSheet: FakeSheet | null, location: string, badCode: string): CellRef {
  if (arg instanceof FakeRange) {
    const { sheet, rect } = arg._resolve();
    if (rect.r0 !== rect.r1 || rect.c0 !== rect.c1) throw new FakeOfficeError(badCode, location);
    return { sheet, key: cellKey(rect.r0, rect.c0) };
  }
  if (typeof arg !== 'string') throw new FakeOfficeError(badCode, location);
  const { sheet: named, local } = splitSheet(arg);
  const sheet = named !== null ? m.sheet(named) : defaultSheet;
  if (!sheet) throw new FakeOfficeError(badCode, location);
  if (defaultSheet && sheet !== defaultSheet) throw new FakeOfficeError(badCode, location);
  const rect = parseLocal(local);
  if (!rect || rect.r0 !== rect.r1 || rect.c0 !== rect.c1) throw new FakeOfficeError(badCode, location);
  return { sheet, key: cellKey(rect.r0, rect.c0) };
}

function byPosition(m: FakeWorkbookModel, a: CellRef, b: CellRef): number {
  const sa = m.sheets.indexOf(a.sheet);
  const sb = m.sheets.indexOf(b.sheet);
  if (sa !== sb) return sa - sb;
  return keyRow(a.key) - keyRow(b.key) || keyCol(a.key) - keyCol(b.key);
}

export class FakeNoteCollection extends FakeCollection<FakeNoteProxy> {
  /** `sheet` is null for the workbook's collection. */
  constructor(ctx: Ctx, path: string | PathStep, version: string, private readonly sheet: (() => FakeSheet) | null) {
    super(ctx, path, version);
  }
  get _className(): string {
    return 'NoteCollection';
  }
  _resolve(): unknown {
    return this.sheet ? this.sheet() : modelOf(this._ctx);
  }
  override _sheetName(): string | undefined {
    return this.sheet ? this.sheet().name : undefined;
  }
  private _refs(): CellRef[] {
    const m = modelOf(this._ctx);
    const sheets = this.sheet ? [this.sheet()] : m.sheets;
    const refs: CellRef[] = [];
    for (const sheet of sheets) for (const key of sheet.notes.keys()) refs.push({ sheet, key });
    return refs.sort((a, b) => byPosition(m, a, b));
  }
  _itemProxies(): FakeNoteProxy[] {
    return this._refs().map((ref, i) => new FakeNoteProxy(this._ctx, this._sub(`getItemAt(${i})`), this._version, () => ref));
  }
  add(cellAddress: FakeRange | string, content: unknown): FakeNoteProxy {
    let made: CellRef | undefined;
    const addr = cellAddress instanceof FakeRange ? cellAddress._path : cellAddress;
    const note = new FakeNoteProxy(this._ctx, this._sub(`add(${JSON.stringify(addr)},${JSON.stringify(content) ?? 'null'})`), this._version, () => made);
    this._queueCreate('add', note, '1.18', () => {
      const ref = cellRef(modelOf(this._ctx), cellAddress, this.sheet ? this.sheet() : null, 'NoteCollection.add', 'InvalidCellAddress');
      assertWritable(ref.sheet, 'NoteCollection.add');
      if (ref.sheet.notes.has(ref.key)) throw new FakeOfficeError('InvalidArgument', 'NoteCollection.add', 'The cell already has a note.');
      if (typeof content !== 'string') throw new FakeOfficeError('InvalidArgument', 'NoteCollection.add');
      ref.sheet.notes.set(ref.key, { content, author: 'Add-in' });
      made = ref;
    });
    return note;
  }
  getItem(key: string): FakeNoteProxy {
    return this._byKey(key, 'getItem', false);
  }
  getItemOrNullObject(key: string): FakeNoteProxy {
    return this._byKey(key, 'getItemOrNullObject', true);
  }
  private _byKey(key: string, method: string, nullable: boolean): FakeNoteProxy {
    return new FakeNoteProxy(this._ctx, this._sub(`${method}(${JSON.stringify(key)})`), this._version, () => {
      const ref = cellRef(modelOf(this._ctx), key, this.sheet ? this.sheet() : null, `NoteCollection.${method}`, 'InvalidArgument');
      return ref.sheet.notes.has(ref.key) ? ref : undefined;
    }, nullable);
  }
  getItemAt(index: number): FakeNoteProxy {
    return new FakeNoteProxy(this._ctx, this._sub(`getItemAt(${index})`), this._version, () => this._refs()[index]);
  }
}

/** A note (ExcelApi 1.18); the model's record of it is a FakeNote. */
export class FakeNoteProxy extends FakeClientObject {
  constructor(ctx: Ctx, path: string | PathStep, version: string, private readonly locate: () => CellRef | undefined, nullable = false) {
    super(ctx, path, version, nullable);
  }
  get _className(): string {
    return 'Note';
  }
  _resolve(): { ref: CellRef; note: FakeNote } {
    const ref = this.locate();
    const note = ref ? ref.sheet.notes.get(ref.key) : undefined;
    if (!ref || !note || !modelOf(this._ctx).sheets.includes(ref.sheet)) throw notFound('Note');
    return { ref, note };
  }
  override _sheetName(): string | undefined {
    return this.locate()?.sheet.name;
  }
  override _scalars(): Record<string, ScalarDef> {
    return {
      content: { get: (t: { note: FakeNote }) => t.note.content },
      authorName: { get: (t: { note: FakeNote }) => t.note.author },
    };
  }
  get content(): string {
    return this._get('content');
  }
  set content(v: string) {
    this._set('content', v, '1.18', () => {
      const { ref, note } = this._resolve();
      assertWritable(ref.sheet, 'Note.content');
      if (typeof v !== 'string') throw new FakeOfficeError('InvalidArgument', 'Note.content');
      note.content = v;
    });
  }
  get authorName(): string {
    return this._get('authorName');
  }
  delete(): void {
    this._queue('delete', [], '1.18', () => {
      const { ref } = this._resolve();
      assertWritable(ref.sheet, 'Note.delete');
      ref.sheet.notes.delete(ref.key);
    });
  }
  getLocation(): FakeRange {
    return new FakeRange(this._ctx, this._sub(`getLocation()`), '1.18', () => {
      const { ref } = this._resolve();
      const r = keyRow(ref.key);
      const c = keyCol(ref.key);
      return { sheet: ref.sheet, rect: { r0: r, c0: c, r1: r, c1: c } };
    });
  }
}

export class FakeCommentCollection extends FakeCollection<FakeCommentProxy> {
  constructor(ctx: Ctx, path: string | PathStep, version: string, private readonly sheet: (() => FakeSheet) | null) {
    super(ctx, path, version);
  }
  get _className(): string {
    return 'CommentCollection';
  }
  _resolve(): unknown {
    return this.sheet ? this.sheet() : modelOf(this._ctx);
  }
  private _list(): FakeComment[] {
    const m = modelOf(this._ctx);
    const sheetId = this.sheet ? this.sheet().id : null;
    return m.comments.filter((c) => sheetId === null || c.sheetId === sheetId);
  }
  _itemProxies(): FakeCommentProxy[] {
    return this._list().map((c) => new FakeCommentProxy(this._ctx, this._sub(`getItem(${JSON.stringify(c.id)})`), this._version, () => c.id));
  }
  add(cellAddress: FakeRange | string, content: unknown): FakeCommentProxy {
    let made: string | undefined;
    const addr = cellAddress instanceof FakeRange ? cellAddress._path : cellAddress;
    // office.js sends the optional contentType too (null when not given).
    const comment = new FakeCommentProxy(this._ctx, this._sub(`add(${JSON.stringify(addr)},${JSON.stringify(content) ?? 'null'},null)`), this._version, () => made);
    this._queueCreate('add', comment, '1.10', () => {
      const m = modelOf(this._ctx);
      // A string must carry its sheet name, even on a worksheet's collection (CommentCollection.add docs).
      if (typeof cellAddress === 'string' && splitSheet(cellAddress).sheet === null) throw new FakeOfficeError('InvalidArgument', 'CommentCollection.add');
      const ref = cellRef(m, cellAddress, null, 'CommentCollection.add', 'InvalidArgument');
      assertWritable(ref.sheet, 'CommentCollection.add');
      if (typeof content !== 'string') throw new FakeOfficeError('InvalidArgument', 'CommentCollection.add');
      if (m.comments.some((c) => c.sheetId === ref.sheet.id && c.key === ref.key)) throw new FakeOfficeError('InvalidArgument', 'CommentCollection.add', 'The cell already has a comment.');
      const id = m.nextCommentId();
      m.comments.push({ id, sheetId: ref.sheet.id, key: ref.key, content, author: 'Add-in', resolved: false });
      made = id;
    });
    return comment;
  }
  getItem(id: string): FakeCommentProxy {
    return new FakeCommentProxy(this._ctx, this._sub(`getItem(${JSON.stringify(id)})`), this._version, () => id);
  }
  getItemAt(index: number): FakeCommentProxy {
    return new FakeCommentProxy(this._ctx, this._sub(`getItemAt(${index})`), this._version, () => this._list()[index]?.id);
  }
  getItemByCell(cellAddress: FakeRange | string): FakeCommentProxy {
    return new FakeCommentProxy(this._ctx, this._sub(`getItemByCell(${typeof cellAddress === 'string' ? JSON.stringify(cellAddress) : 'null'})`), this._version, () => {
      const m = modelOf(this._ctx);
      const ref = cellRef(m, cellAddress, null, 'CommentCollection.getItemByCell', 'InvalidArgument');
      return m.comments.find((c) => c.sheetId === ref.sheet.id && c.key === ref.key)?.id;
    });
  }
}

export class FakeCommentProxy extends FakeClientObject {
  constructor(ctx: Ctx, path: string | PathStep, version: string, private readonly commentId: () => string | undefined, nullable = false) {
    super(ctx, path, version, nullable);
  }
  get _className(): string {
    return 'Comment';
  }
  _resolve(): FakeComment {
    const id = this.commentId();
    const c = modelOf(this._ctx).comments.find((x) => x.id === id);
    if (!c) throw notFound('Comment');
    return c;
  }
  override _scalars(): Record<string, ScalarDef> {
    return {
      id: { get: (c: FakeComment) => c.id },
      content: { get: (c: FakeComment) => c.content },
      authorName: { get: (c: FakeComment) => c.author },
      resolved: { get: (c: FakeComment) => c.resolved, version: '1.11' },
    };
  }
  get id(): string {
    return this._get('id');
  }
  get content(): string {
    return this._get('content');
  }
  set content(v: string) {
    this._set('content', v, '1.10', () => {
      const c = this._resolve();
      if (typeof v !== 'string') throw new FakeOfficeError('InvalidArgument', 'Comment.content');
      c.content = v;
    });
  }
  delete(): void {
    this._queue('delete', [], '1.10', () => {
      const m = modelOf(this._ctx);
      const c = this._resolve();
      const sheet = m.sheetById(c.sheetId);
      if (sheet) assertWritable(sheet, 'Comment.delete');
      m.comments = m.comments.filter((x) => x !== c);
    });
  }
  getLocation(): FakeRange {
    return new FakeRange(this._ctx, this._sub(`getLocation()`), '1.10', () => {
      const c = this._resolve();
      const sheet = modelOf(this._ctx).sheetById(c.sheetId);
      if (!sheet) throw notFound('Comment.getLocation');
      const r = keyRow(c.key);
      const col = keyCol(c.key);
      return { sheet, rect: { r0: r, c0: col, r1: r, c1: col } };
    });
  }
}

function checkLength(text: unknown, max: number, location: string): void {
  if (typeof text === 'string' && text.length > max) throw new FakeOfficeError('InvalidArgument', location);
}

/** Excel's table names: a letter, underscore or backslash first, then letters, digits, periods, underscores. */
function validTableName(name: unknown): name is string {
  return typeof name === 'string' && name.length <= 255 && /^[\p{L}_\\][\p{L}\p{N}._]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[RrCc]$/.test(name);
}

function tableNameTaken(m: FakeWorkbookModel, name: string, except?: FakeTable): boolean {
  const lower = name.toLowerCase();
  return m.sheets.some((s) => s.tables.some((t) => t !== except && t.name.toLowerCase() === lower));
}

let tableSeq = 0;

/** `worksheet.tables` (ExcelApi 1.1). */
export class FakeTableCollection extends FakeCollection<FakeTableProxy> {
  constructor(ctx: Ctx, path: string | PathStep, version: string, private readonly sheet: () => FakeSheet) {
    super(ctx, path, version);
  }
  get _className(): string {
    return 'TableCollection';
  }
  _resolve(): unknown {
    return this.sheet().tables;
  }
  _itemProxies(): FakeTableProxy[] {
    const sheet = this.sheet();
    return sheet.tables.map((t) => new FakeTableProxy(this._ctx, this._sub(`getItem(${JSON.stringify(t.id)})`), '1.1', () => t));
  }
  /** Turns a range into a table; with headers its first row is the header row (blank headers become ColumnN). */
  add(address: string | FakeRange, hasHeaders: boolean): FakeTableProxy {
    let created: FakeTable | undefined;
    const proxy = new FakeTableProxy(this._ctx, this._sub(`add(${JSON.stringify(typeof address === 'string' ? address : 'range')},${hasHeaders === true})`), '1.1', () => created);
    this._queueCreate('add', proxy, '1.1', () => {
      const sheet = this.sheet();
      if (sheet.protected) throw new FakeOfficeError('AccessDenied', 'TableCollection.add', "The cell or chart you're trying to change is on a protected sheet.");
      const rect = typeof address === 'string' ? parseOn(sheet, address, 'TableCollection.add') : address._resolve().rect;
      if (sheet.tables.some((t) => intersect(t.rect, rect))) {
        throw new FakeOfficeError('InvalidArgument', 'TableCollection.add', 'A table can\'t overlap another table.');
      }
      if (sheet.merged.some((mg) => intersect(mg, rect))) throw new FakeOfficeError('InvalidArgument', 'TableCollection.add');
      if (hasHeaders) {
        const seen = new Set<string>();
        for (let c = rect.c0; c <= rect.c1; c++) {
          let h = sheet.getValue(rect.r0, c);
          if (h === null || h === '') {
            h = `Column${c - rect.c0 + 1}`;
            sheet.setValue(rect.r0, c, h);
          }
          const text = typeof h === 'object' ? h.error : String(h);
          if (seen.has(text.toLowerCase())) throw new FakeOfficeError('InvalidArgument', 'TableCollection.add', 'Table headers must be unique.');
          seen.add(text.toLowerCase());
        }
      }
      const m = modelOf(this._ctx);
      let n = 1;
      while (tableNameTaken(m, `Table${n}`)) n++;
      created = { id: `{table-${++tableSeq}}`, name: `Table${n}`, rect: { ...rect }, showHeaders: hasHeaders, style: 'TableStyleMedium2' };
      sheet.tables.push(created);
    });
    return proxy;
  }
  getItem(key: string): FakeTableProxy {
    return new FakeTableProxy(this._ctx, this._sub(`getItem(${JSON.stringify(key)})`), '1.1', () => this.sheet().tables.find((t) => t.id === key || t.name.toLowerCase() === key.toLowerCase()));
  }
}

/** One table. */
export class FakeTableProxy extends FakeClientObject {
  constructor(ctx: Ctx, path: string | PathStep, version: string, private readonly find: () => FakeTable | undefined) {
    super(ctx, path, version);
  }
  get _className(): string {
    return 'Table';
  }
  _resolve(): FakeTable {
    const t = this.find();
    if (!t) throw notFound('Table');
    return t;
  }
  private _sheet(): FakeSheet {
    const t = this._resolve();
    const s = modelOf(this._ctx).sheets.find((x) => x.tables.includes(t));
    if (!s) throw notFound('Table');
    return s;
  }
  override _sheetName(): string | undefined {
    return this._sheet().name;
  }
  override _scalars(): Record<string, ScalarDef> {
    return {
      id: { get: (t: FakeTable) => t.id },
      name: { get: (t: FakeTable) => t.name },
      showHeaders: { get: (t: FakeTable) => t.showHeaders },
      style: { get: (t: FakeTable) => t.style },
    };
  }
  get id(): string {
    return this._get('id');
  }
  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._set('name', v, '1.1', () => {
      const t = this._resolve();
      if (!validTableName(v)) throw new FakeOfficeError('InvalidArgument', 'Table.name');
      if (tableNameTaken(modelOf(this._ctx), v, t)) throw new FakeOfficeError('ItemAlreadyExists', 'Table.name');
      t.name = v;
    });
  }
  get style(): string {
    return this._get('style');
  }
  set style(v: string) {
    this._set('style', v, '1.1', () => {
      this._resolve().style = v;
    });
  }
  getRange(): FakeRange {
    return new FakeRange(this._ctx, this._sub(`getRange()`), '1.1', () => ({ sheet: this._sheet(), rect: { ...this._resolve().rect } }));
  }
  getDataBodyRange(): FakeRange {
    return new FakeRange(this._ctx, this._sub(`getDataBodyRange()`), '1.1', () => {
      const t = this._resolve();
      return { sheet: this._sheet(), rect: { ...t.rect, r0: t.showHeaders ? t.rect.r0 + 1 : t.rect.r0 } };
    });
  }
}

/** The parts of `a` outside `b` (at most four rectangles): what is left of a rule's area after a clear. */
function subtractRect(a: Rect, b: Rect): Rect[] {
  const i = intersect(a, b);
  if (!i) return [{ ...a }];
  const out: Rect[] = [];
  if (a.r0 < i.r0) out.push({ r0: a.r0, c0: a.c0, r1: i.r0 - 1, c1: a.c1 });
  if (i.r1 < a.r1) out.push({ r0: i.r1 + 1, c0: a.c0, r1: a.r1, c1: a.c1 });
  if (a.c0 < i.c0) out.push({ r0: i.r0, c0: a.c0, r1: i.r1, c1: i.c0 - 1 });
  if (i.c1 < a.c1) out.push({ r0: i.r0, c0: i.c1 + 1, r1: i.r1, c1: a.c1 });
  return out;
}

/**
 * Takes cleared areas out of the sheet's conditional formats, as Excel's Clear Formats (Range.clear with
 * "All" or "Formats", ConditionalFormatCollection.clearAll) does; a rule left with no area is gone.
 */
function clearConditionalFormats(sheet: FakeSheet, rects: readonly Rect[]): void {
  for (const cf of sheet.conditionalFormats) {
    let ranges = cf.ranges;
    for (const cut of rects) ranges = ranges.flatMap((r) => subtractRect(r, cut));
    cf.ranges = ranges;
  }
  sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => cf.ranges.length > 0);
}

interface CfTarget {
  sheet: FakeSheet;
  cf: FakeConditionalFormat;
}

/**
 * `Range.conditionalFormats` (ExcelApi 1.6; `RangeAreas.conditionalFormats` 1.9): the rules whose areas
 * intersect the range, in priority order. Each item is reached by its id.
 */
export class FakeConditionalFormatCollection extends FakeCollection<FakeConditionalFormatProxy> {
  constructor(ctx: Ctx, path: string | PathStep, version: string, private readonly locate: AreasLocator) {
    super(ctx, path, version);
  }
  get _className(): string {
    return 'ConditionalFormatCollection';
  }
  _resolve(): AreasTarget {
    const failure = this._ctx._host.conditionalFormatFailure;
    if (failure?.at === 'collection') throw new FakeOfficeError(failure.code, 'ConditionalFormatCollection');
    return this.locate();
  }
  override _sheetName(): string | undefined {
    return this.locate().sheet.name;
  }
  private _list(): CfTarget[] {
    const { sheet, rects } = this.locate();
    return sheet.conditionalFormats.filter((cf) => cf.ranges.some((r) => rects.some((x) => intersect(r, x)))).map((cf) => ({ sheet, cf }));
  }
  _itemProxies(): FakeConditionalFormatProxy[] {
    return this._list().map((t) => new FakeConditionalFormatProxy(this._ctx, this._sub(`getItem(${JSON.stringify(t.cf.id)})`), '1.6', () => t));
  }
  /** Adds a rule of `type` over the range at the top priority (its format and rule are set afterwards). */
  add(type: string): FakeConditionalFormatProxy {
    let made: CfTarget | undefined;
    const proxy = new FakeConditionalFormatProxy(this._ctx, this._sub(`add(${JSON.stringify(type)})`), '1.6', () => made);
    this._queueCreate('add', proxy, '1.6', () => {
      const { sheet, rects } = this.locate();
      assertWritable(sheet, 'ConditionalFormatCollection.add');
      if (!CONDITIONAL_FORMAT_TYPES.includes(type as FakeConditionalFormatType)) throw new FakeOfficeError('InvalidArgument', 'ConditionalFormatCollection.add');
      const cf = newConditionalFormat(type as FakeConditionalFormatType, rects);
      sheet.conditionalFormats.unshift(cf);
      made = { sheet, cf };
    });
    return proxy;
  }
  clearAll(): void {
    this._queue('clearAll', [], '1.6', () => {
      const { sheet, rects } = this.locate();
      assertWritable(sheet, 'ConditionalFormatCollection.clearAll');
      clearConditionalFormats(sheet, rects);
    });
  }
  getItem(id: string): FakeConditionalFormatProxy {
    return new FakeConditionalFormatProxy(this._ctx, this._sub(`getItem(${JSON.stringify(id)})`), '1.6', () => this._list().find((t) => t.cf.id === id));
  }
  getItemAt(index: number): FakeConditionalFormatProxy {
    return new FakeConditionalFormatProxy(this._ctx, this._sub(`getItemAt(${index})`), '1.6', () => this._list()[index]);
  }
}

/** The type-specific parts of a rule, by the navigation property that reaches each. */
const CF_PARTS: Record<string, { type: FakeConditionalFormatType; className: string }> = {
  cellValue: { type: 'CellValue', className: 'CellValueConditionalFormat' },
  custom: { type: 'Custom', className: 'CustomConditionalFormat' },
  colorScale: { type: 'ColorScale', className: 'ColorScaleConditionalFormat' },
  dataBar: { type: 'DataBar', className: 'DataBarConditionalFormat' },
  iconSet: { type: 'IconSet', className: 'IconSetConditionalFormat' },
  preset: { type: 'PresetCriteria', className: 'PresetCriteriaConditionalFormat' },
  textComparison: { type: 'ContainsText', className: 'TextConditionalFormat' },
  topBottom: { type: 'TopBottom', className: 'TopBottomConditionalFormat' },
};

/** One conditional format (ExcelApi 1.6). */
export class FakeConditionalFormatProxy extends FakeClientObject {
  constructor(ctx: Ctx, path: string | PathStep, version: string, private readonly find: () => CfTarget | undefined) {
    super(ctx, path, version);
  }
  get _className(): string {
    return 'ConditionalFormat';
  }
  _resolve(): CfTarget {
    const t = this.find();
    if (!t || !t.sheet.conditionalFormats.includes(t.cf) || !modelOf(this._ctx).sheets.includes(t.sheet)) throw notFound('ConditionalFormat');
    return t;
  }
  override _sheetName(): string | undefined {
    return this.find()?.sheet.name;
  }
  /** The rule, for reading its areas and format (where Excel has been reported to fail). */
  private _details(): CfTarget {
    const failure = this._ctx._host.conditionalFormatFailure;
    if (failure?.at === 'rule') throw new FakeOfficeError(failure.code, 'ConditionalFormat');
    return this._resolve();
  }
  override _scalars(): Record<string, ScalarDef> {
    return {
      id: { get: (t: CfTarget) => t.cf.id },
      type: { get: (t: CfTarget) => t.cf.type },
      priority: { get: (t: CfTarget) => t.sheet.conditionalFormats.indexOf(t.cf) },
      stopIfTrue: { get: (t: CfTarget) => t.cf.stopIfTrue },
    };
  }
  override _navNames(): string[] {
    return Object.keys(CF_PARTS).flatMap((k) => [k, `${k}OrNullObject`]);
  }
  get id(): string {
    return this._get('id');
  }
  get type(): string {
    return this._get('type');
  }
  get priority(): number {
    return this._get('priority');
  }
  get stopIfTrue(): boolean | null {
    return this._get('stopIfTrue');
  }
  private _part(name: string, nullable: boolean): FakeConditionalFormatPart {
    const nav = nullable ? `${name}OrNullObject` : name;
    const { type, className } = CF_PARTS[name];
    return this._nav(nav, () => new FakeConditionalFormatPart(this._ctx, this._sub(nav), '1.6', () => this._details(), type, className, nullable));
  }
  get cellValue(): FakeConditionalFormatPart {
    return this._part('cellValue', false);
  }
  get cellValueOrNullObject(): FakeConditionalFormatPart {
    return this._part('cellValue', true);
  }
  get custom(): FakeConditionalFormatPart {
    return this._part('custom', false);
  }
  get customOrNullObject(): FakeConditionalFormatPart {
    return this._part('custom', true);
  }
  get colorScale(): FakeConditionalFormatPart {
    return this._part('colorScale', false);
  }
  get colorScaleOrNullObject(): FakeConditionalFormatPart {
    return this._part('colorScale', true);
  }
  get dataBar(): FakeConditionalFormatPart {
    return this._part('dataBar', false);
  }
  get dataBarOrNullObject(): FakeConditionalFormatPart {
    return this._part('dataBar', true);
  }
  get iconSet(): FakeConditionalFormatPart {
    return this._part('iconSet', false);
  }
  get iconSetOrNullObject(): FakeConditionalFormatPart {
    return this._part('iconSet', true);
  }
  get preset(): FakeConditionalFormatPart {
    return this._part('preset', false);
  }
  get presetOrNullObject(): FakeConditionalFormatPart {
    return this._part('preset', true);
  }
  get textComparison(): FakeConditionalFormatPart {
    return this._part('textComparison', false);
  }
  get textComparisonOrNullObject(): FakeConditionalFormatPart {
    return this._part('textComparison', true);
  }
  get topBottom(): FakeConditionalFormatPart {
    return this._part('topBottom', false);
  }
  get topBottomOrNullObject(): FakeConditionalFormatPart {
    return this._part('topBottom', true);
  }
  /** The rule's range; Excel refuses when the rule applies to several areas (ConditionalFormat.getRange docs). */
  getRange(): FakeRange {
    return new FakeRange(this._ctx, this._sub('getRange()'), '1.6', () => {
      const { sheet, cf } = this._details();
      if (cf.ranges.length !== 1) throw new FakeOfficeError('InvalidOperation', 'ConditionalFormat.getRange', 'The conditional format is applied to multiple ranges.');
      return { sheet, rect: { ...cf.ranges[0] } };
    });
  }
  /** The rule's range, or a null object when it applies to several areas. */
  getRangeOrNullObject(): FakeRange {
    return new FakeRange(this._ctx, this._sub('getRangeOrNullObject()'), '1.6', () => {
      const { sheet, cf } = this._details();
      if (cf.ranges.length !== 1) throw notFound('ConditionalFormat.getRangeOrNullObject');
      return { sheet, rect: { ...cf.ranges[0] } };
    }, true);
  }
  /** Every area the rule applies to (ExcelApi 1.9). */
  getRanges(): FakeRangeAreas {
    return new FakeRangeAreas(this._ctx, this._sub('getRanges()'), '1.9', () => {
      const { sheet, cf } = this._details();
      return { sheet, rects: cf.ranges.map((r) => ({ ...r })) };
    });
  }
  delete(): void {
    this._queue('delete', [], '1.6', () => {
      const { sheet, cf } = this._resolve();
      assertWritable(sheet, 'ConditionalFormat.delete');
      sheet.conditionalFormats = sheet.conditionalFormats.filter((x) => x !== cf);
    });
  }
}

/**
 * A rule's type-specific part (`cellValue`, `custom`, `colorScale`…). Reached on a rule of another type,
 * it fails at sync, or is a null object through its `…OrNullObject` twin.
 */
export class FakeConditionalFormatPart extends FakeClientObject {
  constructor(
    ctx: Ctx, path: string | PathStep, version: string, private readonly owner: () => CfTarget,
    private readonly type: FakeConditionalFormatType, private readonly className: string, nullable: boolean,
  ) {
    super(ctx, path, version, nullable);
  }
  get _className(): string {
    return this.className;
  }
  _resolve(): CfTarget {
    const t = this.owner();
    if (t.cf.type !== this.type) {
      if (this._nullable) throw notFound(this.className);
      throw new FakeOfficeError('InvalidOperation', this.className, `The conditional format is not of type ${this.type}.`);
    }
    return t;
  }
  override _sheetName(): string | undefined {
    return this.owner().sheet.name;
  }
  override _scalars(): Record<string, ScalarDef> {
    const out: Record<string, ScalarDef> = {};
    if (this.type === 'ColorScale') out.criteria = { get: (t: CfTarget) => t.cf.criteria };
    else if (this.type !== 'Custom' && this.type !== 'DataBar' && this.type !== 'IconSet') out.rule = { get: (t: CfTarget) => t.cf.rule };
    return out;
  }
  override _navNames(): string[] {
    if (this.type === 'ColorScale' || this.type === 'DataBar' || this.type === 'IconSet') return [];
    return this.type === 'Custom' ? ['format', 'rule'] : ['format'];
  }
  get format(): FakeConditionalRangeFormat {
    return this._nav('format', () => new FakeConditionalRangeFormat(this._ctx, this._sub('format'), '1.6', () => this._resolve()));
  }
  /** A custom rule's `rule` is an object with a formula; other types' is a plain value. */
  get rule(): unknown {
    if (this.type === 'Custom') return this._nav('rule', () => new FakeConditionalFormatRule(this._ctx, this._sub('rule'), '1.6', () => this._resolve()));
    return this._get('rule');
  }
  set rule(v: unknown) {
    this._set('rule', v, '1.6', () => {
      const t = this._resolve();
      assertWritable(t.sheet, `${this.className}.rule`);
      if (!v || typeof v !== 'object') throw new FakeOfficeError('InvalidArgument', `${this.className}.rule`);
      t.cf.rule = { ...(v as Record<string, unknown>) };
    });
  }
  get criteria(): Record<string, unknown> | null {
    return this._get('criteria');
  }
  set criteria(v: Record<string, unknown> | null) {
    this._set('criteria', v, '1.6', () => {
      const t = this._resolve();
      assertWritable(t.sheet, `${this.className}.criteria`);
      if (!v || typeof v !== 'object') throw new FakeOfficeError('InvalidArgument', `${this.className}.criteria`);
      t.cf.criteria = { ...v };
    });
  }
}

/** A custom rule's condition: `formula` ("=$F2>1000"). */
export class FakeConditionalFormatRule extends FakeClientObject {
  constructor(ctx: Ctx, path: string | PathStep, version: string, private readonly rule: () => CfTarget) {
    super(ctx, path, version);
  }
  get _className(): string {
    return 'ConditionalFormatRule';
  }
  _resolve(): CfTarget {
    return this.rule();
  }
  override _scalars(): Record<string, ScalarDef> {
    return { formula: { get: (t: CfTarget) => (t.cf.rule?.formula as string | undefined) ?? null } };
  }
  get formula(): string | null {
    return this._get('formula');
  }
  set formula(v: string) {
    this._set('formula', v, '1.6', () => {
      const t = this.rule();
      assertWritable(t.sheet, 'ConditionalFormatRule.formula');
      if (typeof v !== 'string') throw new FakeOfficeError('InvalidArgument', 'ConditionalFormatRule.formula');
      t.cf.rule = { ...(t.cf.rule ?? {}), formula: v };
    });
  }
}

/** What a rule draws on matching cells (ConditionalRangeFormat): its fill and font. */
export class FakeConditionalRangeFormat extends FakeClientObject {
  constructor(ctx: Ctx, path: string | PathStep, version: string, private readonly rule: () => CfTarget) {
    super(ctx, path, version);
  }
  get _className(): string {
    return 'ConditionalRangeFormat';
  }
  _resolve(): CfTarget {
    return this.rule();
  }
  override _navNames(): string[] {
    return ['fill', 'font'];
  }
  get fill(): FakeConditionalRangeFill {
    return this._nav('fill', () => new FakeConditionalRangeFill(this._ctx, this._sub('fill'), '1.6', this.rule));
  }
  get font(): FakeConditionalRangeFont {
    return this._nav('font', () => new FakeConditionalRangeFont(this._ctx, this._sub('font'), '1.6', this.rule));
  }
}

/** A rule's fill: `color` null when the rule sets none. */
export class FakeConditionalRangeFill extends FakeClientObject {
  constructor(ctx: Ctx, path: string | PathStep, version: string, private readonly rule: () => CfTarget) {
    super(ctx, path, version);
  }
  get _className(): string {
    return 'ConditionalRangeFill';
  }
  _resolve(): CfTarget {
    return this.rule();
  }
  override _scalars(): Record<string, ScalarDef> {
    return { color: { get: (t: CfTarget) => t.cf.fill } };
  }
  get color(): string | null {
    return this._get('color');
  }
  set color(v: string) {
    this._set('color', v, '1.6', () => {
      const t = this.rule();
      assertWritable(t.sheet, 'ConditionalRangeFill.color');
      const c = typeof v === 'string' ? normalizeColor(v) : null;
      if (!c) throw new FakeOfficeError('InvalidArgument', 'ConditionalRangeFill.color');
      t.cf.fill = c;
    });
  }
  clear(): void {
    this._queue('clear', [], '1.6', () => {
      const t = this.rule();
      assertWritable(t.sheet, 'ConditionalRangeFill.clear');
      t.cf.fill = null;
    });
  }
}

/** A rule's font. */
export class FakeConditionalRangeFont extends FakeClientObject {
  constructor(ctx: Ctx, path: string | PathStep, version: string, private readonly rule: () => CfTarget) {
    super(ctx, path, version);
  }
  get _className(): string {
    return 'ConditionalRangeFont';
  }
  _resolve(): CfTarget {
    return this.rule();
  }
  override _scalars(): Record<string, ScalarDef> {
    return {
      color: { get: (t: CfTarget) => t.cf.font.color ?? null },
      bold: { get: (t: CfTarget) => t.cf.font.bold ?? null },
      italic: { get: (t: CfTarget) => t.cf.font.italic ?? null },
    };
  }
  get color(): string | null {
    return this._get('color');
  }
  set color(v: string) {
    this._set('color', v, '1.6', () => {
      const t = this.rule();
      assertWritable(t.sheet, 'ConditionalRangeFont.color');
      const c = typeof v === 'string' ? normalizeColor(v) : null;
      if (!c) throw new FakeOfficeError('InvalidArgument', 'ConditionalRangeFont.color');
      t.cf.font = { ...t.cf.font, color: c };
    });
  }
  get bold(): boolean | null {
    return this._get('bold');
  }
  set bold(v: boolean) {
    this._set('bold', v, '1.6', () => {
      const t = this.rule();
      assertWritable(t.sheet, 'ConditionalRangeFont.bold');
      t.cf.font = { ...t.cf.font, bold: v === true };
    });
  }
}

/** Excel.ChartType values ChartCollection.add accepts ("Invalid" is a value Excel reports, never one it takes). */
const CHART_TYPES = new Set([
  'ColumnClustered', 'ColumnStacked', 'ColumnStacked100', '3DColumnClustered', '3DColumnStacked', '3DColumnStacked100', 'BarClustered',
  'BarStacked', 'BarStacked100', '3DBarClustered', '3DBarStacked', '3DBarStacked100', 'LineStacked', 'LineStacked100', 'LineMarkers',
  'LineMarkersStacked', 'LineMarkersStacked100', 'PieOfPie', 'PieExploded', '3DPieExploded', 'BarOfPie', 'XYScatterSmooth',
  'XYScatterSmoothNoMarkers', 'XYScatterLines', 'XYScatterLinesNoMarkers', 'AreaStacked', 'AreaStacked100', '3DAreaStacked',
  '3DAreaStacked100', 'DoughnutExploded', 'RadarMarkers', 'RadarFilled', 'Surface', 'SurfaceWireframe', 'SurfaceTopView',
  'SurfaceTopViewWireframe', 'Bubble', 'Bubble3DEffect', 'StockHLC', 'StockOHLC', 'StockVHLC', 'StockVOHLC', 'CylinderColClustered',
  'CylinderColStacked', 'CylinderColStacked100', 'CylinderBarClustered', 'CylinderBarStacked', 'CylinderBarStacked100', 'CylinderCol',
  'ConeColClustered', 'ConeColStacked', 'ConeColStacked100', 'ConeBarClustered', 'ConeBarStacked', 'ConeBarStacked100', 'ConeCol',
  'PyramidColClustered', 'PyramidColStacked', 'PyramidColStacked100', 'PyramidBarClustered', 'PyramidBarStacked', 'PyramidBarStacked100',
  'PyramidCol', '3DColumn', 'Line', '3DLine', '3DPie', 'Pie', 'XYScatter', '3DArea', 'Area', 'Doughnut', 'Radar', 'Histogram',
  'Boxwhisker', 'Pareto', 'RegionMap', 'Treemap', 'Waterfall', 'Sunburst', 'Funnel',
]);
/** Excel charts at most 255 series. */
const MAX_CHART_SERIES = 255;
/** A new chart's size before it is positioned: Excel's default 5 × 3 inches. */
const DEFAULT_CHART_WIDTH = 360;
const DEFAULT_CHART_HEIGHT = 216;
/** Default row height in points (rows are not modelled with heights). */
const ROW_POINTS = 15;

let chartSeq = 0;

function chartAccessDenied(location: string): FakeOfficeError {
  return new FakeOfficeError('AccessDenied', location, "The cell or chart you're trying to change is on a protected sheet.");
}

/** Left edge in points of a column, from the sheet's column widths (Excel's default 48 points). */
function columnLeft(sheet: FakeSheet, c0: number): number {
  let x = 0;
  for (let c = 0; c < c0; c++) x += sheet.columnWidths.get(c) ?? 48;
  return x;
}

/** `worksheet.charts` (ExcelApi 1.1): add validates the type, the source range and the series direction. */
export class FakeChartCollection extends FakeCollection<FakeChartProxy> {
  constructor(ctx: Ctx, path: string | PathStep, version: string, private readonly sheet: () => FakeSheet) {
    super(ctx, path, version);
  }
  get _className(): string {
    return 'ChartCollection';
  }
  _resolve(): unknown {
    return this.sheet().charts;
  }
  override _sheetName(): string | undefined {
    return this.sheet().name;
  }
  _itemProxies(): FakeChartProxy[] {
    return this.sheet().charts.map((ch, i) => new FakeChartProxy(this._ctx, this._sub(`getItemAt(${i})`), '1.1', () => ch));
  }
  /** `count` is the collection's own property; anything else loaded is the items'. */
  override _applyLoad(tree: LoadTree, scope: ApplyScope): void {
    if (tree.props.has('count')) {
      const rest: LoadTree = { all: tree.all, props: new Set([...tree.props].filter((p) => p !== 'count')), children: tree.children };
      const n = this.sheet().charts.length;
      scope.stage({ count: n }, () => this._loaded.set('count', n));
      if (rest.props.size === 0 && rest.children.size === 0 && !rest.all) return;
      super._applyLoad(rest, scope);
      return;
    }
    super._applyLoad(tree, scope);
  }
  get count(): number {
    return this._get('count');
  }
  override getCount(): FakeClientResult<number> {
    const result = new FakeClientResult<number>();
    this._queue('getCount', [], '1.4', (scope) => {
      const n = this.sheet().charts.length;
      scope.stage(n, () => {
        result._value = n;
        result._loaded = true;
      });
    });
    return result;
  }
  add(type: string, sourceData: FakeRange, seriesBy?: string): FakeChartProxy {
    let created: FakeChart | undefined;
    const isRange = sourceData instanceof FakeRange;
    // office.js sends a proxy argument as its path id and lists the path (see request-body.ts).
    const arg = isRange ? String(sourceData._pathId) : JSON.stringify(sourceData ?? null);
    const proxy = new FakeChartProxy(
      this._ctx, this._sub(`add(${JSON.stringify(type)},${arg},${JSON.stringify(seriesBy ?? null)})`, [null, isRange ? sourceData : null, null]), '1.1', () => created,
    );
    this._queueCreate('add', proxy, '1.1', () => {
      const sheet = this.sheet();
      if (sheet.protected) throw chartAccessDenied('ChartCollection.add');
      if (typeof type !== 'string' || !CHART_TYPES.has(type)) throw new FakeOfficeError('InvalidArgument', 'ChartCollection.add', `The chart type '${String(type)}' is not valid.`);
      if (seriesBy !== undefined && seriesBy !== null && seriesBy !== 'Auto' && seriesBy !== 'Columns' && seriesBy !== 'Rows') {
        throw new FakeOfficeError('InvalidArgument', 'ChartCollection.add');
      }
      if (!isRange) throw new FakeOfficeError('InvalidArgument', 'ChartCollection.add', 'The source data must be a Range.');
      const source = sourceData._resolve();
      const rows = source.rect.r1 - source.rect.r0 + 1;
      const cols = source.rect.c1 - source.rect.c0 + 1;
      const by = seriesBy ?? 'Auto';
      const series = by === 'Rows' ? rows : by === 'Columns' ? cols : Math.min(rows, cols);
      if (series > MAX_CHART_SERIES) throw new FakeOfficeError('InvalidArgument', 'ChartCollection.add', 'A chart can have at most 255 series.');
      created = {
        id: `{chart-${++chartSeq}}`, name: `Chart ${++sheet.chartSeq}`, type, seriesBy: by, source: { sheet: source.sheet, rect: { ...source.rect } },
        title: '', titleVisible: false, categoryAxis: { reversePlotOrder: false, position: 'Automatic' }, from: null, to: null, top: 0, left: 0, width: DEFAULT_CHART_WIDTH, height: DEFAULT_CHART_HEIGHT,
      };
      sheet.charts.push(created);
    });
    return proxy;
  }
  getItem(name: string): FakeChartProxy {
    return new FakeChartProxy(this._ctx, this._sub(`getItem(${JSON.stringify(name)})`), '1.1', () => this.sheet().charts.find((c) => c.name === name));
  }
  getItemAt(index: number): FakeChartProxy {
    return new FakeChartProxy(this._ctx, this._sub(`getItemAt(${index})`), '1.1', () => this.sheet().charts[index]);
  }
}

/** One chart. Its properties throw PropertyNotLoaded until loaded, as every proxy's do. */
export class FakeChartProxy extends FakeClientObject {
  constructor(ctx: Ctx, path: string | PathStep, version: string, private readonly find: () => FakeChart | undefined) {
    super(ctx, path, version);
  }
  get _className(): string {
    return 'Chart';
  }
  _resolve(): FakeChart {
    const c = this.find();
    if (!c) throw notFound('Chart');
    // A chart goes with its sheet.
    if (!modelOf(this._ctx).sheets.some((s) => s.charts.includes(c))) throw notFound('Chart');
    return c;
  }
  /** @internal The sheet holding the chart. */
  _sheet(): FakeSheet {
    const c = this._resolve();
    return modelOf(this._ctx).sheets.find((s) => s.charts.includes(c)) as FakeSheet;
  }
  override _sheetName(): string | undefined {
    return this._sheet().name;
  }
  override _scalars(): Record<string, ScalarDef> {
    return {
      name: { get: (c: FakeChart) => c.name },
      id: { get: (c: FakeChart) => c.id, version: '1.7' },
      chartType: { get: (c: FakeChart) => c.type, version: '1.7' },
      top: { get: (c: FakeChart) => c.top },
      left: { get: (c: FakeChart) => c.left },
      width: { get: (c: FakeChart) => c.width },
      height: { get: (c: FakeChart) => c.height },
    };
  }
  override _navNames(): string[] {
    return ['title', 'axes'];
  }
  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._set('name', v, '1.1', () => {
      const c = this._resolve();
      if (this._sheet().protected) throw chartAccessDenied('Chart.name');
      if (typeof v !== 'string' || v === '' || v.length > 255) throw new FakeOfficeError('InvalidArgument', 'Chart.name');
      c.name = v;
    });
  }
  get id(): string {
    return this._get('id');
  }
  get chartType(): string {
    return this._get('chartType');
  }
  get top(): number {
    return this._get('top');
  }
  get left(): number {
    return this._get('left');
  }
  get width(): number {
    return this._get('width');
  }
  get height(): number {
    return this._get('height');
  }
  get title(): FakeChartTitle {
    return this._nav('title', () => new FakeChartTitle(this._ctx, this._sub(`title`), '1.1', () => ({ chart: this._resolve(), sheet: this._sheet() })));
  }
  get axes(): FakeChartAxes {
    return this._nav('axes', () => new FakeChartAxes(this._ctx, this._sub(`axes`), '1.1', () => ({ chart: this._resolve(), sheet: this._sheet() })));
  }
  /** Places the chart over startCell…endCell (endCell absent: keeps the chart's size). */
  setPosition(startCell: FakeRange | string, endCell?: FakeRange | string): void {
    const text = (x: FakeRange | string | undefined): string => (x === undefined ? 'null' : typeof x === 'string' ? JSON.stringify(x) : String(x._pathId));
    this._queue('setPosition', [text(startCell), text(endCell)].map((a) => JSON.parse(a) as unknown), '1.1', () => {
      const c = this._resolve();
      const sheet = this._sheet();
      if (sheet.protected) throw chartAccessDenied('Chart.setPosition');
      const rectOf = (x: FakeRange | string): Rect => {
        if (typeof x === 'string') return parseOn(sheet, x, 'Chart.setPosition');
        const t = x._resolve();
        if (t.sheet !== sheet) throw new FakeOfficeError('InvalidArgument', 'Chart.setPosition');
        return t.rect;
      };
      const from = rectOf(startCell);
      const to = endCell === undefined ? null : rectOf(endCell);
      c.left = columnLeft(sheet, from.c0);
      c.top = from.r0 * ROW_POINTS;
      if (to) {
        if (to.r1 < from.r0 || to.c1 < from.c0) throw new FakeOfficeError('InvalidArgument', 'Chart.setPosition');
        c.width = columnLeft(sheet, to.c1 + 1) - c.left;
        c.height = (to.r1 + 1) * ROW_POINTS - c.top;
      }
      c.from = from;
      c.to = to;
    });
  }
  delete(): void {
    this._queue('delete', [], '1.1', () => {
      const sheet = this._sheet();
      if (sheet.protected) throw chartAccessDenied('Chart.delete');
      const c = this._resolve();
      sheet.charts.splice(sheet.charts.indexOf(c), 1);
    });
  }
}

/** A chart's title (ExcelApi 1.1): setting the text shows it. */
export class FakeChartTitle extends FakeClientObject {
  constructor(ctx: Ctx, path: string | PathStep, version: string, private readonly locate: () => { chart: FakeChart; sheet: FakeSheet }) {
    super(ctx, path, version);
  }
  get _className(): string {
    return 'ChartTitle';
  }
  _resolve(): FakeChart {
    return this.locate().chart;
  }
  override _sheetName(): string | undefined {
    return this.locate().sheet.name;
  }
  override _scalars(): Record<string, ScalarDef> {
    return { text: { get: (c: FakeChart) => c.title }, visible: { get: (c: FakeChart) => c.titleVisible } };
  }
  get text(): string {
    return this._get('text');
  }
  set text(v: string) {
    this._set('text', v, '1.1', () => {
      const { chart, sheet } = this.locate();
      if (sheet.protected) throw chartAccessDenied('ChartTitle.text');
      if (typeof v !== 'string') throw new FakeOfficeError('InvalidArgument', 'ChartTitle.text');
      chart.title = v;
      chart.titleVisible = v !== '';
    });
  }
  get visible(): boolean {
    return this._get('visible');
  }
  set visible(v: boolean) {
    this._set('visible', v, '1.1', () => {
      const { chart, sheet } = this.locate();
      if (sheet.protected) throw chartAccessDenied('ChartTitle.visible');
      chart.titleVisible = Boolean(v);
    });
  }
}

/** A chart's axes (ExcelApi 1.1); the fake models the category axis only. */
export class FakeChartAxes extends FakeClientObject {
  constructor(ctx: Ctx, path: string | PathStep, version: string, private readonly locate: () => { chart: FakeChart; sheet: FakeSheet }) {
    super(ctx, path, version);
  }
  get _className(): string {
    return 'ChartAxes';
  }
  _resolve(): FakeChart {
    return this.locate().chart;
  }
  override _sheetName(): string | undefined {
    return this.locate().sheet.name;
  }
  override _navNames(): string[] {
    return ['categoryAxis'];
  }
  get categoryAxis(): FakeChartAxis {
    return this._nav('categoryAxis', () => new FakeChartAxis(this._ctx, this._sub(`categoryAxis`), '1.1', this.locate));
  }
}

/** Excel.ChartAxisPosition values. */
const AXIS_POSITIONS = new Set(['Automatic', 'Maximum', 'Minimum', 'Custom']);

/** The category axis: reversePlotOrder (ExcelApi 1.7) and position, where the other axis crosses it (1.8). */
export class FakeChartAxis extends FakeClientObject {
  constructor(ctx: Ctx, path: string | PathStep, version: string, private readonly locate: () => { chart: FakeChart; sheet: FakeSheet }) {
    super(ctx, path, version);
  }
  get _className(): string {
    return 'ChartAxis';
  }
  _resolve(): FakeChart {
    return this.locate().chart;
  }
  override _sheetName(): string | undefined {
    return this.locate().sheet.name;
  }
  override _scalars(): Record<string, ScalarDef> {
    return {
      reversePlotOrder: { get: (c: FakeChart) => c.categoryAxis.reversePlotOrder, version: '1.7' },
      position: { get: (c: FakeChart) => c.categoryAxis.position, version: '1.8' },
    };
  }
  get reversePlotOrder(): boolean {
    return this._get('reversePlotOrder');
  }
  set reversePlotOrder(v: boolean) {
    this._set('reversePlotOrder', v, '1.7', () => {
      const { chart, sheet } = this.locate();
      if (sheet.protected) throw chartAccessDenied('ChartAxis.reversePlotOrder');
      if (typeof v !== 'boolean') throw new FakeOfficeError('InvalidArgument', 'ChartAxis.reversePlotOrder');
      chart.categoryAxis.reversePlotOrder = v;
    });
  }
  get position(): string {
    return this._get('position');
  }
  set position(v: string) {
    this._set('position', v, '1.8', () => {
      const { chart, sheet } = this.locate();
      if (sheet.protected) throw chartAccessDenied('ChartAxis.position');
      if (typeof v !== 'string' || !AXIS_POSITIONS.has(v)) throw new FakeOfficeError('InvalidArgument', 'ChartAxis.position');
      chart.categoryAxis.position = v;
    });
  }
}

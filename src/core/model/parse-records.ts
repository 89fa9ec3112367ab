import Decimal from 'decimal.js';
import { CellValue, cellText, isCellError, parseCellAddress, SheetGrid } from './cells';
import { dateForm, numberForm } from './column-forms';
import { DayMonthOrder } from './dates';
import { fmt } from './i18n';
import { isTailText, isTotalsText } from './table-rows';
import { detectLineItems } from './line-items';
import {
  BAD, readAmount, readDate, readId, readMethod, readPercent, readRating, readStatus, readText,
} from './cell-readers';
import { Finding } from './findings';
import { RawNum } from './exact';
import { businessKey, FindingSink } from './finding-sink';
import { Bilingual } from './i18n';
import { parsePaymentTerms } from '../credit/payment-terms';
import { CustomerRow, ReceiptRow, SaleRow, StatementRow } from './record-rows';
import { ParsedWorkbook, PaymentTerms } from './records';
import { Settings } from './settings';
import { FieldDef, fieldLabel, FieldType, templateFields } from '../templates/template-fields';
import { ColumnForm, FieldKey, SheetMapping, TemplateKind } from '../templates/templates';
import { KIND_WORDS, MSG } from '../validation/validation-messages';

/**
 * Imported functions used per cell or per row. tsx (esbuild) compiles every use of an imported binding
 * into getter calls on the exporting module; reading them once into this object keeps a million-row
 * loop to plain calls.
 */
const hot = { readText, readId, readDate, readAmount, readPercent, isCellError, parsePaymentTerms, CustomerRow, SaleRow, ReceiptRow, StatementRow };
const NOT_READ: typeof BAD = BAD;

/** Why a cell could not be read: not of its type, text outside a pattern, a word outside a list. */
const TYPE = 1;
const PATTERN = 2;
const LIST = 3;
type Verdict = typeof TYPE | typeof PATTERN | typeof LIST;

/** The unreadable cells of the row being read: columns and verdicts, reused across rows. */
class BadCells {
  readonly cols: number[] = [];
  readonly verdicts: Verdict[] = [];
  add(col: number, verdict: Verdict): void {
    this.cols.push(col);
    this.verdicts.push(verdict);
  }
  clear(): void {
    this.cols.length = 0;
    this.verdicts.length = 0;
  }
}

/*
 * Small readers per field type, written to be inlined into the per-template row readers below: one
 * `typeof` for the common cell, no closure or keyed property access per cell. `col < 0`: no such column.
 */
function rText(cells: CellValue[], col: number, bad: BadCells): string {
  if (col < 0) return '';
  const s = hot.readText(cells[col]);
  if (s !== NOT_READ) return s;
  bad.add(col, TYPE);
  return '';
}
function rId(cells: CellValue[], col: number, bad: BadCells): string {
  if (col < 0) return '';
  const s = hot.readId(cells[col]);
  if (s !== NOT_READ) return s;
  bad.add(col, TYPE);
  return '';
}
function rDate(cells: CellValue[], col: number, order: DayMonthOrder | undefined, bad: BadCells): number | null {
  if (col < 0) return null;
  const d = hot.readDate(cells[col], order);
  if (d !== NOT_READ) return d;
  bad.add(col, TYPE);
  return null;
}
function rAmount(cells: CellValue[], col: number, dc: boolean, bad: BadCells): RawNum | null {
  if (col < 0) return null;
  const a = hot.readAmount(cells[col], dc);
  if (a !== NOT_READ) return a;
  bad.add(col, TYPE);
  return null;
}
function rPercent(cells: CellValue[], col: number, dc: boolean, bad: BadCells): Decimal | null {
  if (col < 0) return null;
  const p = hot.readPercent(cells[col], dc);
  if (p !== NOT_READ) return p;
  bad.add(col, TYPE);
  return null;
}
function rList<T>(cells: CellValue[], col: number, read: (v: CellValue | undefined) => T | null | typeof NOT_READ, bad: BadCells): T | null {
  if (col < 0) return null;
  const v = cells[col];
  if (hot.isCellError(v ?? null) || typeof v === 'boolean') {
    bad.add(col, TYPE);
    return null;
  }
  const t = read(v);
  if (t !== NOT_READ) return t;
  bad.add(col, LIST);
  return null;
}
function rTerms(cells: CellValue[], col: number, bad: BadCells): PaymentTerms | null {
  if (col < 0) return null;
  const v = cells[col];
  if (hot.isCellError(v ?? null) || typeof v === 'boolean') {
    bad.add(col, TYPE);
    return null;
  }
  const t = hot.parsePaymentTerms(v);
  if (t.kind === 'ok') return t.terms;
  if (t.kind === 'invalid') bad.add(col, PATTERN);
  return null;
}

/** Field index (template order) by key, to address the column table of a sheet. */
function indexes<K extends TemplateKind>(kind: K): Record<FieldKey<K>, number> {
  const out = {} as Record<FieldKey<K>, number>;
  templateFields(kind).forEach((d, i) => (out[d.key] = i));
  return out;
}
const CI = indexes('customers');
const SI = indexes('sales');
const RI = indexes('receipts');
const TI = indexes('statement');

/** Per field (template order): amounts written with a decimal comma, and the day-month order of slash dates. */
interface Forms {
  comma: Uint8Array;
  order: (DayMonthOrder | undefined)[];
}

/** Reads one row's cells into a record; `c[i]` is the column of the template's i-th field or -1. */
type RowReader<R> = (rec: R, cells: CellValue[], c: Int32Array, f: Forms, bad: BadCells) => void;

const readCustomer: RowReader<CustomerRow> = (r, cells, c, f, bad) => {
  r.customerId = rId(cells, c[CI.customerId], bad);
  r.customerName = rText(cells, c[CI.customerName], bad);
  r.taxId = rId(cells, c[CI.taxId], bad);
  r.rawCreditLimit = rAmount(cells, c[CI.creditLimit], f.comma[CI.creditLimit] === 1, bad);
  r.paymentTerms = rTerms(cells, c[CI.paymentTerms], bad);
  r.creditRating = rList(cells, c[CI.creditRating], readRating, bad);
  r.status = rList(cells, c[CI.status], readStatus, bad);
  r.contact = rText(cells, c[CI.contact], bad);
  r.email = rText(cells, c[CI.email], bad);
  r.salesRep = rText(cells, c[CI.salesRep], bad);
  r.region = rText(cells, c[CI.region], bad);
};

const readSale: RowReader<SaleRow> = (r, cells, c, f, bad) => {
  r.date = rDate(cells, c[SI.date], f.order[SI.date], bad);
  r.docNo = rId(cells, c[SI.docNo], bad);
  r.invoiceNo = rId(cells, c[SI.invoiceNo], bad);
  r.customerId = rId(cells, c[SI.customerId], bad);
  r.customerName = rText(cells, c[SI.customerName], bad);
  r.product = rText(cells, c[SI.product], bad);
  r.category = rText(cells, c[SI.category], bad);
  r.rawQuantity = rAmount(cells, c[SI.quantity], f.comma[SI.quantity] === 1, bad);
  r.rawUnitPrice = rAmount(cells, c[SI.unitPrice], f.comma[SI.unitPrice] === 1, bad);
  r.rawAmount = rAmount(cells, c[SI.amount], f.comma[SI.amount] === 1, bad);
  r.taxRate = rPercent(cells, c[SI.taxRate], f.comma[SI.taxRate] === 1, bad);
  r.rawTax = rAmount(cells, c[SI.tax], f.comma[SI.tax] === 1, bad);
  r.rawTotal = rAmount(cells, c[SI.total], f.comma[SI.total] === 1, bad);
  r.dueDate = rDate(cells, c[SI.dueDate], f.order[SI.dueDate], bad);
  r.salesRep = rText(cells, c[SI.salesRep], bad);
};

const readReceipt: RowReader<ReceiptRow> = (r, cells, c, f, bad) => {
  r.date = rDate(cells, c[RI.date], f.order[RI.date], bad);
  r.receiptNo = rId(cells, c[RI.receiptNo], bad);
  r.customerId = rId(cells, c[RI.customerId], bad);
  r.rawAmount = rAmount(cells, c[RI.amount], f.comma[RI.amount] === 1, bad);
  r.method = rList(cells, c[RI.method], readMethod, bad);
  r.reference = rText(cells, c[RI.reference], bad);
};

const readStatementLine: RowReader<StatementRow> = (r, cells, c, f, bad) => {
  r.customerId = rId(cells, c[TI.customerId], bad);
  r.date = rDate(cells, c[TI.date], f.order[TI.date], bad);
  r.reference = rId(cells, c[TI.reference], bad);
  r.description = rText(cells, c[TI.description], bad);
  r.rawBilled = rAmount(cells, c[TI.billed], f.comma[TI.billed] === 1, bad);
  r.rawPaid = rAmount(cells, c[TI.paid], f.comma[TI.paid] === 1, bad);
  r.rawBalance = rAmount(cells, c[TI.balance], f.comma[TI.balance] === 1, bad);
};

/**
 * Descriptions that mark a statement's opening-balance row (期初余额): English and Chinese wordings of
 * an opening balance or a balance brought forward.
 */
const OPENING = /opening\s*bal|balance\s*(?:brought|b\/?f\b|carried\s*forward\s*from)|brought\s*forward|^b\/?f$|期初|上期结余|上期余额|上月结余|上月余额|承前页|上年结转|年初余额/i;

/** True when a statement description (or reference) says the row carries the opening balance. */
export function isOpeningDescription(text: string): boolean {
  if (text === '') return false;
  // Descriptions repeat ("Invoice", "Payment", "销售"): remember the verdict instead of re-running the pattern.
  let hit = openingMemo.get(text);
  if (hit === undefined) {
    hit = OPENING.test(text);
    if (openingMemo.size < 50_000) openingMemo.set(text, hit);
  }
  return hit;
}

const openingMemo = new Map<string, boolean>();

interface ColumnPlan {
  def: FieldDef;
  col: number;
  bit: number;
}

/** A merged area as 1-based rows and 0-based columns. */
interface Area {
  text: string;
  r1: number;
  r2: number;
  c1: number;
  c2: number;
}

function mergedAreas(grid: SheetGrid): Area[] {
  const out: Area[] = [];
  for (const text of grid.merged ?? []) {
    const [a, b = a] = text.split(':');
    const p = parseCellAddress(a);
    const q = parseCellAddress(b);
    if (!p || !q) continue;
    out.push({
      text,
      r1: Math.min(p.row1, q.row1), r2: Math.max(p.row1, q.row1),
      c1: Math.min(p.col0, q.col0), c2: Math.max(p.col0, q.col0),
    });
  }
  return out;
}

/** The record read from Excel row `row1`, by binary search: records are kept in row order. */
function recordAtRow<R>(records: readonly R[], row1: number): R | undefined {
  let lo = 0;
  let hi = records.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = (records[mid] as unknown as { row: number }).row;
    if (r === row1) return records[mid];
    if (r < row1) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/** Shared state of one parse run. */
interface ParseContext {
  settings: Settings;
  sink: FindingSink;
}


function parseSheet<R extends { unreadable: number }>(
  grid: SheetGrid,
  mapping: SheetMapping,
  kind: TemplateKind,
  read: RowReader<R>,
  create: (sheet: string, row: number) => R,
  finish: ((rec: R) => void) | null,
  ctx: ParseContext,
): R[] {
  const { settings, sink } = ctx;
  const lang = settings.lang;
  const columns = mapping.columns as Partial<Record<string, number>>;
  const fields = templateFields(kind);
  const firstData = mapping.headerRow + 1;
  const forms: Forms = { comma: new Uint8Array(fields.length), order: new Array(fields.length).fill(undefined) };
  const reported: ColumnForm[] = [];
  fields.forEach((def, i) => {
    const col = columns[def.key];
    if (col === undefined || col < 0) return;
    if (def.type === 'money' || def.type === 'quantity' || def.type === 'percent') {
      const n = numberForm(grid, col, firstData, def.key, settings);
      forms.comma[i] = n.comma ? 1 : 0;
      if (n.form) reported.push(n.form);
    } else if (def.type === 'date') {
      const d = dateForm(grid, col, firstData, def.key, settings);
      forms.order[i] = d.order;
      if (d.form) reported.push(d.form);
    }
  });
  screenColumns(grid, mapping, kind, read, create, forms, firstData);
  if (reported.length > 0) mapping.forms = reported.filter((f) => columns[f.field] === f.col);
  const colTable = new Int32Array(fields.length).fill(-1);
  const plans: ColumnPlan[] = [];
  fields.forEach((def, i) => {
    const col = columns[def.key];
    if (col === undefined || col < 0) return;
    colTable[i] = col;
    plans.push({ def, col, bit: 1 << i });
  });
  const planOfCol = new Map(plans.map((p) => [p.col, p] as const));
  const dateCol = columns.date ?? -1;
  const dateOrder = forms.order[fields.findIndex((d) => d.key === 'date')];
  const totals: number[] = [];
  let tailFrom = 0;

  // Cells covered by a merged area of the data (its top-left excluded): unreadable, reported once below.
  const coveredByRow = new Map<number, ColumnPlan[]>();
  const mergedReports: Area[] = [];
  for (const area of mergedAreas(grid)) {
    if (area.r2 < firstData) continue;
    const inside = plans.filter((p) => p.col >= area.c1 && p.col <= area.c2);
    if (inside.length === 0) continue;
    mergedReports.push(area);
    for (let r = Math.max(area.r1, firstData); r <= area.r2; r++) {
      for (const p of inside) {
        if (r === area.r1 && p.col === area.c1) continue;
        const list = coveredByRow.get(r) ?? [];
        list.push(p);
        coveredByRow.set(r, list);
      }
    }
  }
  const hasCovered = coveredByRow.size > 0;

  const records: R[] = [];
  const rows = grid.rows;
  const n = plans.length;
  const bad = new BadCells();
  for (let i = firstData - 1; i < rows.length; i++) {
    const cells = rows[i];
    if (!cells) continue;
    let blank = true;
    for (let j = 0; j < n; j++) {
      const v = cells[plans[j].col];
      if (v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === '')) {
        blank = false;
        break;
      }
    }
    if (blank) continue;
    const row1 = i + 1;
    const marker = rowMarker(cells);
    if (marker !== 0 && !hasDate(cells, dateCol, dateOrder)) {
      if (marker === TOTALS) {
        totals.push(row1);
        continue;
      }
      if (records.length > 0) {
        tailFrom = row1;
        break;
      }
    }
    const rec = create(grid.name, row1);
    read(rec, cells, colTable, forms, bad);
    if (hasCovered) {
      const covered = coveredByRow.get(row1);
      if (covered) for (const p of covered) rec.unreadable |= p.bit;
    }
    if (finish) finish(rec);
    if (bad.cols.length > 0) {
      const key = businessKey(kind, rec);
      for (let k = 0; k < bad.cols.length; k++) {
        const plan = planOfCol.get(bad.cols[k]) as ColumnPlan;
        rec.unreadable |= plan.bit;
        reportCell(sink, kind, grid.name, row1, key, plan.def, plan.col, bad.verdicts[k], cells[plan.col], lang);
      }
      bad.clear();
    }
    records.push(rec);
  }

  const ignoredRow = new Set(totals);
  for (const area of mergedReports) {
    // Merges in the block under the table or on a totals row are layout, not data.
    if ((tailFrom > 0 && area.r1 >= tailFrom) || ignoredRow.has(area.r1)) continue;
    const plan = plans.find((p) => p.col >= area.c1 && p.col <= area.c2) as ColumnPlan;
    // Keyed by the row's business key (not the range text) so the id survives moved columns.
    const owner = recordAtRow(records, area.r1);
    sink.add({
      code: 'type', sheet: grid.name, row: area.r1, col: area.c1,
      key: owner ? businessKey(kind, owner) : `merged:${area.text}`, field: plan.def.key,
      text: MSG.merged, params: { range: area.text },
    });
  }
  if (totals.length > 0 || tailFrom > 0) mapping.ignored = { totals, tailFrom };
  return records;
}

const TOTALS = 1;
const TAIL = 2;

/** Whether a row names itself a totals row (合计, Total) or opens the block under the table (甲方, Signature). */
function rowMarker(cells: CellValue[]): number {
  for (let j = 0; j < cells.length; j++) {
    const v = cells[j];
    if (typeof v !== 'string' || v.length === 0 || v.length > 80) continue;
    // Most cells start with something no marker word starts with: skip the patterns for them.
    if (!mayOpenMarker(v)) continue;
    if (isTotalsText(v)) return TOTALS;
    if (isTailText(v)) return TAIL;
  }
  return 0;
}

/** First characters of the marker words (合计, 小计, 甲方, 签字, Total, Signature…), after leading spaces. */
const MARKER_CJK = new Set('合小总累本共甲乙签盖经审复制对确开银账地电传单公财'.split(''));
const MARKER_ASCII = new Set(['tot', 'sub', 'sum', 'gra', 'pag', 'sig', 'aut', 'pre', 'app', 'che', 'rev', 'con', 'com', 'sta', 'ban', 'acc']);

function mayOpenMarker(v: string): boolean {
  let i = 0;
  while (i < v.length && (v.charCodeAt(i) === 32 || v.charCodeAt(i) === 0x3000)) i++;
  const c = v.charCodeAt(i);
  if (c >= 0x4e00) return MARKER_CJK.has(v.charAt(i));
  if (c < 65) return false;
  return MARKER_ASCII.has(v.slice(i, i + 3).toLowerCase());
}

/** A record has a date in its Date column: a totals or signature row does not. */
function hasDate(cells: CellValue[], col: number, order: DayMonthOrder | undefined): boolean {
  if (col < 0) return false;
  const d = hot.readDate(cells[col], order);
  return d !== null && d !== NOT_READ;
}

/** Share of a column's values that must fail its field's rule for the mapping to be judged wrong. */
const WRONG_SHARE = 0.5;
/** Rows looked at to judge a mapping. */
const SCREEN_ROWS = 2000;

const WRONG_MAPPING = {
  en: 'Column “{header}” was not mapped to {field}: {pct} of its values (e.g. “{example}”) are not {kind}. Map the right column to {field} if the sheet has one.',
  zh: '列“{header}”未映射为“{field}”：其 {pct} 的值（如“{example}”）不是{kind}。如表中另有对应列，请将其映射为“{field}”。',
};

/**
 * Takes back a mapping whose values mostly fail its own field's rule (an ERP's payment type "Receive"
 * read as Method, a text column read as Amount): one wrong guess is reported once, as a rejected column,
 * instead of as a finding on every row. Judged on the first {@link SCREEN_ROWS} rows with at least five
 * values.
 */
function screenColumns<R extends { unreadable: number }>(
  grid: SheetGrid, mapping: SheetMapping, kind: TemplateKind, read: RowReader<R>, create: (sheet: string, row: number) => R,
  forms: Forms, firstData: number,
): void {
  const columns = mapping.columns as Partial<Record<string, number>>;
  const fields = templateFields(kind);
  const colTable = new Int32Array(fields.length).fill(-1);
  fields.forEach((def, i) => {
    const col = columns[def.key];
    if (col !== undefined && col >= 0 && def.type !== 'text') colTable[i] = col;
  });
  const checked = fields.map((def, i) => ({ def, col: colTable[i] })).filter((x) => x.col >= 0);
  if (checked.length === 0) return;
  const seen = new Map<number, number>();
  const failed = new Map<number, number>();
  const example = new Map<number, string>();
  const bad = new BadCells();
  const last = Math.min(grid.rows.length, firstData - 1 + SCREEN_ROWS);
  for (let i = firstData - 1; i < last; i++) {
    const cells = grid.rows[i];
    if (!cells || rowMarker(cells) !== 0) continue;
    for (const { col } of checked) {
      const v = cells[col];
      if (v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === '')) seen.set(col, (seen.get(col) ?? 0) + 1);
    }
    read(create(grid.name, i + 1), cells, colTable, forms, bad);
    for (const col of bad.cols) {
      failed.set(col, (failed.get(col) ?? 0) + 1);
      if (!example.has(col)) example.set(col, cellText(cells[col]).trim());
    }
    bad.clear();
  }
  for (const { def, col } of checked) {
    const n = seen.get(col) ?? 0;
    const f = failed.get(col) ?? 0;
    if (n < 5 || f <= WRONG_SHARE * n) continue;
    delete columns[def.key];
    const header = mapping.evidence?.find((e) => e.col === col)?.header ?? '';
    const params = (l: Settings['lang']): Record<string, string> => ({
      header, field: fieldLabel(kind, def.key, l), pct: `${Math.round((f / n) * 100)}%`, example: example.get(col) ?? '',
      kind: (KIND_OF_TYPE[def.type] ?? LIST_WORDS[def.type] ?? KIND_WORDS.text)[l],
    });
    (mapping.rejected ??= []).push({ field: def.key, col, header, reason: { en: fmt(WRONG_MAPPING, 'en', params('en')), zh: fmt(WRONG_MAPPING, 'zh', params('zh')) } });
  }
}

/** What the values of a list field should be, for the wrong-mapping message. */
const LIST_WORDS: Partial<Record<FieldType, Bilingual>> = {
  method: { en: 'payment methods (Bank transfer, Cash, Bank acceptance bill, Other)', zh: '收款方式（银行转账、现金、承兑汇票、其他）' },
  status: { en: 'statuses (Active, On Hold, Closed)', zh: '状态（正常、冻结、关闭）' },
  rating: { en: 'ratings A–D', zh: '信用等级 A–D' },
  id: { en: 'identifiers', zh: '编号' },
};

const KIND_OF_TYPE: Partial<Record<FieldType, Bilingual>> = {
  money: KIND_WORDS.money, quantity: KIND_WORDS.quantity, percent: KIND_WORDS.percent, date: KIND_WORDS.date,
  terms: KIND_WORDS.terms,
};

function reportCell(
  sink: FindingSink, kind: TemplateKind, sheet: string, row: number, key: string, def: FieldDef, col: number,
  verdict: Verdict, value: CellValue | undefined, lang: Settings['lang'],
): void {
  const field = fieldLabel(kind, def.key, lang);
  const shown = typeof value === 'boolean' ? (value ? 'TRUE' : 'FALSE') : cellText(value).trim();
  const what = KIND_OF_TYPE[def.type] ?? KIND_WORDS.text;
  const kindWord = what[lang];
  let text: Bilingual;
  let code: 'type' | 'pattern' | 'list' = 'type';
  if (isCellError(value ?? null)) text = MSG.errorCell;
  else if (typeof value === 'boolean') text = MSG.booleanCell;
  else if (verdict === PATTERN) {
    code = 'pattern';
    text = MSG.terms;
  } else if (verdict === LIST) {
    code = 'list';
    text = def.type === 'status' ? MSG.statusList : def.type === 'rating' ? MSG.ratingList : MSG.methodList;
  } else text = def.type === 'date' ? MSG.notDate : MSG.notAmount;
  sink.add({
    code, sheet, row, col, key, field: def.key, text,
    params: { field, value: shown, kind: kindWord },
    actual: shown,
  });
}

/**
 * Reads every mapped sheet into typed records, keeping each record's sheet and row. Blank rows are
 * skipped. Cells that cannot be read as their field's type become `type` findings (error values such as
 * `#N/A`, TRUE/FALSE in number columns, text that is no amount or date), unreadable payment terms a
 * `pattern` finding, words outside a list (status, rating, method) a `list` finding; the field is left
 * null and marked unreadable so no later check reasons from it. Merged areas inside the data get a
 * finding at their top-left cell asking to unmerge. Never throws on bad input.
 */
export function parseTables(sheets: SheetGrid[], mappings: SheetMapping[], settings: Settings): { parsed: ParsedWorkbook; findings: Finding[] } {
  const ctx: ParseContext = { settings, sink: new FindingSink(settings.lang) };
  const parsed: ParsedWorkbook = { customers: [], sales: [], receipts: [], statements: [] };
  const byName = new Map(sheets.map((s) => [s.name, s] as const));
  const sheetCustomer = (settings.statementCustomerId ?? '').trim();
  for (const mapping of mappings) {
    const grid = byName.get(mapping.sheet);
    if (!grid) continue;
    switch (mapping.template) {
      case 'customers':
        parsed.customers.push({
          mapping: mapping as SheetMapping<'customers'>,
          records: parseSheet(grid, mapping, 'customers', readCustomer, (s, r) => new hot.CustomerRow(s, r), null, ctx),
        });
        break;
      case 'sales': {
        const table = {
          mapping: mapping as SheetMapping<'sales'>,
          records: parseSheet(grid, mapping, 'sales', readSale, (s, r) => new hot.SaleRow(s, r), null, ctx),
        };
        const lines = detectLineItems(table);
        if (lines) mapping.lineItems = lines;
        parsed.sales.push(table);
        break;
      }
      case 'receipts':
        parsed.receipts.push({
          mapping: mapping as SheetMapping<'receipts'>,
          records: parseSheet(grid, mapping, 'receipts', readReceipt, (s, r) => new hot.ReceiptRow(s, r), null, ctx),
        });
        break;
      case 'statement':
        parsed.statements.push({
          mapping: mapping as SheetMapping<'statement'>,
          records: parseSheet(grid, mapping, 'statement', readStatementLine, (s, r) => new hot.StatementRow(s, r), (rec) => {
            if (rec.customerId === '') rec.customerId = sheetCustomer;
            // The reference column carries the words only when the row has no description (some exports).
            rec.isOpening = rec.description !== '' ? isOpeningDescription(rec.description) : isOpeningDescription(rec.reference);
          }, ctx),
        });
        break;
    }
  }
  return { parsed, findings: ctx.sink.findings };
}

import { CellValue, cellText, isCellError, parseCellAddress, SheetGrid } from './cells';
import {
  BAD, readAmount, readDate, readId, readMethod, readPercent, readRating, readStatus, readText,
} from './cell-readers';
import { Finding } from './findings';
import { businessKey, FindingSink } from './finding-sink';
import { Bilingual } from './i18n';
import { parsePaymentTerms } from './payment-terms';
import { CustomerRow, fieldBit, ReceiptRow, SaleRow, StatementRow } from './record-rows';
import { ParsedWorkbook } from './records';
import { Settings } from './settings';
import { FieldDef, fieldLabel, FieldType, templateFields } from './template-fields';
import { SheetMapping, TemplateKind } from './templates';
import { KIND_WORDS, MSG } from './validation-messages';

/** How a setter judged a cell: read, unreadable as its type, unreadable text of a pattern or a list. */
const OK = 0;
const TYPE = 1;
const PATTERN = 2;
const LIST = 3;
type Verdict = typeof OK | typeof TYPE | typeof PATTERN | typeof LIST;

/** Puts one cell's value into the record's field. */
type Setter<R> = (rec: R, v: CellValue | undefined, decimalComma: boolean) => Verdict;

function text<R>(assign: (r: R, s: string) => void): Setter<R> {
  return (r, v) => {
    const s = readText(v);
    if (s === BAD) return TYPE;
    assign(r, s);
    return OK;
  };
}
function id<R>(assign: (r: R, s: string) => void): Setter<R> {
  return (r, v) => {
    const s = readId(v);
    if (s === BAD) return TYPE;
    assign(r, s);
    return OK;
  };
}
function date<R>(assign: (r: R, d: number | null) => void): Setter<R> {
  return (r, v) => {
    const d = readDate(v);
    if (d === BAD) return TYPE;
    assign(r, d);
    return OK;
  };
}
function amount<R>(assign: (r: R, a: Exclude<ReturnType<typeof readAmount>, typeof BAD>) => void): Setter<R> {
  return (r, v, dc) => {
    const a = readAmount(v, dc);
    if (a === BAD) return TYPE;
    assign(r, a);
    return OK;
  };
}
function listOf<R, T>(read: (v: CellValue | undefined) => T | null | typeof BAD, assign: (r: R, t: T | null) => void): Setter<R> {
  return (r, v) => {
    if (isCellError(v ?? null) || typeof v === 'boolean') return TYPE;
    const t = read(v);
    if (t === BAD) return LIST;
    assign(r, t);
    return OK;
  };
}

const CUSTOMER_SETTERS: Record<string, Setter<CustomerRow>> = {
  customerId: id((r, s) => (r.customerId = s)),
  customerName: text((r, s) => (r.customerName = s)),
  taxId: id((r, s) => (r.taxId = s)),
  creditLimit: amount((r, a) => (r.rawCreditLimit = a)),
  paymentTerms: (r, v) => {
    if (isCellError(v ?? null) || typeof v === 'boolean') return TYPE;
    const t = parsePaymentTerms(v);
    if (t.kind === 'invalid') return PATTERN;
    r.paymentTerms = t.kind === 'ok' ? t.terms : null;
    return OK;
  },
  creditRating: listOf(readRating, (r, t) => (r.creditRating = t)),
  status: listOf(readStatus, (r, t) => (r.status = t)),
  contact: text((r, s) => (r.contact = s)),
  email: text((r, s) => (r.email = s)),
  salesRep: text((r, s) => (r.salesRep = s)),
  region: text((r, s) => (r.region = s)),
};

const SALE_SETTERS: Record<string, Setter<SaleRow>> = {
  date: date((r, d) => (r.date = d)),
  docNo: id((r, s) => (r.docNo = s)),
  invoiceNo: id((r, s) => (r.invoiceNo = s)),
  customerId: id((r, s) => (r.customerId = s)),
  customerName: text((r, s) => (r.customerName = s)),
  product: text((r, s) => (r.product = s)),
  category: text((r, s) => (r.category = s)),
  quantity: amount((r, a) => (r.rawQuantity = a)),
  unitPrice: amount((r, a) => (r.rawUnitPrice = a)),
  amount: amount((r, a) => (r.rawAmount = a)),
  taxRate: (r, v, dc) => {
    const p = readPercent(v, dc);
    if (p === BAD) return TYPE;
    r.taxRate = p;
    return OK;
  },
  tax: amount((r, a) => (r.rawTax = a)),
  total: amount((r, a) => (r.rawTotal = a)),
  dueDate: date((r, d) => (r.dueDate = d)),
  salesRep: text((r, s) => (r.salesRep = s)),
};

const RECEIPT_SETTERS: Record<string, Setter<ReceiptRow>> = {
  date: date((r, d) => (r.date = d)),
  receiptNo: id((r, s) => (r.receiptNo = s)),
  customerId: id((r, s) => (r.customerId = s)),
  amount: amount((r, a) => (r.rawAmount = a)),
  method: listOf(readMethod, (r, t) => (r.method = t)),
  reference: text((r, s) => (r.reference = s)),
};

const STATEMENT_SETTERS: Record<string, Setter<StatementRow>> = {
  customerId: id((r, s) => (r.customerId = s)),
  date: date((r, d) => (r.date = d)),
  reference: id((r, s) => (r.reference = s)),
  description: text((r, s) => (r.description = s)),
  billed: amount((r, a) => (r.rawBilled = a)),
  paid: amount((r, a) => (r.rawPaid = a)),
  balance: amount((r, a) => (r.rawBalance = a)),
};

/**
 * Descriptions that mark a statement's opening-balance row (期初余额): English and Chinese wordings of
 * an opening balance or a balance brought forward.
 */
const OPENING = /opening\s*bal|balance\s*(?:brought|b\/?f\b|carried\s*forward\s*from)|brought\s*forward|^b\/?f$|期初|上期结余|上期余额|上月结余|上月余额|承前页|上年结转|年初余额/i;

/** True when a statement description (or reference) says the row carries the opening balance. */
export function isOpeningDescription(text: string): boolean {
  return text !== '' && OPENING.test(text);
}

interface ColumnPlan<R> {
  def: FieldDef;
  col: number;
  bit: number;
  set: Setter<R>;
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

/** Shared state of one parse run. */
interface ParseContext {
  settings: Settings;
  sink: FindingSink;
}

/** Cells covered by merged areas of the data (top-left excluded), as row * 2^14 + col keys. */
const COLS = 16384;

function parseSheet<R extends { unreadable: number }>(
  grid: SheetGrid,
  mapping: SheetMapping,
  kind: TemplateKind,
  setters: Record<string, Setter<R>>,
  create: (sheet: string, row: number) => R,
  finish: ((rec: R) => void) | null,
  ctx: ParseContext,
): R[] {
  const { settings, sink } = ctx;
  const lang = settings.lang;
  const decimalComma = settings.decimalComma === true;
  const columns = mapping.columns as Partial<Record<string, number>>;
  const plans: ColumnPlan<R>[] = [];
  for (const def of templateFields(kind)) {
    const col = columns[def.key];
    if (col !== undefined) plans.push({ def, col, bit: fieldBit(kind, def.key), set: setters[def.key] });
  }
  const firstData = mapping.headerRow + 1;

  const covered = new Set<number>();
  const mergedReports: Area[] = [];
  for (const area of mergedAreas(grid)) {
    if (area.r2 < firstData) continue;
    if (!plans.some((p) => p.col >= area.c1 && p.col <= area.c2)) continue;
    mergedReports.push(area);
    for (let r = Math.max(area.r1, firstData); r <= area.r2; r++) {
      for (let c = area.c1; c <= area.c2; c++) if (r !== area.r1 || c !== area.c1) covered.add(r * COLS + c);
    }
  }
  const hasCovered = covered.size > 0;

  const records: R[] = [];
  const rows = grid.rows;
  const n = plans.length;
  const bad: { plan: ColumnPlan<R>; verdict: Verdict; value: CellValue | undefined }[] = [];
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
    const rec = create(grid.name, row1);
    for (let j = 0; j < n; j++) {
      const plan = plans[j];
      const v = cells[plan.col];
      if (hasCovered && covered.has(row1 * COLS + plan.col)) {
        rec.unreadable |= plan.bit;
        continue;
      }
      const verdict = plan.set(rec, v, decimalComma);
      if (verdict !== OK) {
        rec.unreadable |= plan.bit;
        bad.push({ plan, verdict, value: v });
      }
    }
    if (finish) finish(rec);
    if (bad.length > 0) {
      const key = businessKey(kind, rec);
      for (const b of bad) reportCell(sink, kind, grid.name, row1, key, b.plan.def, b.plan.col, b.verdict, b.value, lang);
      bad.length = 0;
    }
    records.push(rec);
  }

  for (const area of mergedReports) {
    const plan = plans.find((p) => p.col >= area.c1 && p.col <= area.c2) as ColumnPlan<R>;
    // Keyed by the row's business key (not the range text) so the id survives moved columns.
    const owner = records.find((r) => (r as unknown as { row: number }).row === area.r1);
    sink.add({
      code: 'type', sheet: grid.name, row: area.r1, col: area.c1,
      key: owner ? businessKey(kind, owner) : `merged:${area.text}`, field: plan.def.key,
      text: MSG.merged, params: { range: area.text },
    });
  }
  return records;
}

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
          records: parseSheet(grid, mapping, 'customers', CUSTOMER_SETTERS, (s, r) => new CustomerRow(s, r), null, ctx),
        });
        break;
      case 'sales':
        parsed.sales.push({
          mapping: mapping as SheetMapping<'sales'>,
          records: parseSheet(grid, mapping, 'sales', SALE_SETTERS, (s, r) => new SaleRow(s, r), null, ctx),
        });
        break;
      case 'receipts':
        parsed.receipts.push({
          mapping: mapping as SheetMapping<'receipts'>,
          records: parseSheet(grid, mapping, 'receipts', RECEIPT_SETTERS, (s, r) => new ReceiptRow(s, r), null, ctx),
        });
        break;
      case 'statement':
        parsed.statements.push({
          mapping: mapping as SheetMapping<'statement'>,
          records: parseSheet(grid, mapping, 'statement', STATEMENT_SETTERS, (s, r) => new StatementRow(s, r), (rec) => {
            if (rec.customerId === '') rec.customerId = sheetCustomer;
            rec.isOpening = isOpeningDescription(rec.description) || isOpeningDescription(rec.reference);
          }, ctx),
        });
        break;
    }
  }
  return { parsed, findings: ctx.sink.findings };
}

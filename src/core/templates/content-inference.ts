import Decimal from 'decimal.js';
import { CellValue, cellText, isCellError, SheetGrid } from '../model/cells';
import { parseDate } from '../model/dates';
import { Bilingual, fmt } from '../model/i18n';
import { parseMoney } from '../model/money';
import { rowHasTailText, rowHasTotalsText } from '../model/table-rows';
import { fieldLabel } from './template-fields';
import { ColumnEvidence, TemplateKind } from './templates';

/**
 * Recognition from content, for columns whose header names no field: a column of unique ids, a column
 * of dates, money columns that add up (Amount + Tax = Total, Quantity × Unit Price = Amount, previous
 * Balance + Billed − Paid = Balance), ids found in the customers sheet. Each guess carries its reason
 * and a confidence; a column is only guessed from evidence in its values, never from its position.
 */

/** Rows of data looked at per sheet: enough for the evidence, bounded for a million-row sheet. */
const SAMPLE_ROWS = 400;
/** Share of rows a property of the values (dates, amounts, ids) must hold on. */
const HOLDS = 0.9;
/**
 * Share of rows an arithmetic relation must hold on: lower, since a sheet under review has its
 * mistakes, and a relation between three columns is rare by chance.
 */
const RELATION_HOLDS = 0.7;

/** What other sheets tell about a column: the customers sheet's ids and names. */
export interface InferenceContext {
  customerIds?: ReadonlySet<string>;
  customerNames?: ReadonlySet<string>;
}

/** What the values of one column look like. */
interface Profile {
  col: number;
  count: number;
  distinct: number;
  /** Runs of equal values in consecutive rows (a line-item sheet repeats an invoice number on its lines). */
  runs: number;
  dates: number;
  money: number;
  ids: number;
  digitIds: number;
  /** Length of the digit ids when they share one. */
  digitLength: number;
  example: string;
  /** Per sampled row: the value in cents, or null. */
  cents: (bigint | null)[];
  /** Per sampled row: the date serial, or null. */
  days: (number | null)[];
  /** Per sampled row: the trimmed text. */
  texts: string[];
}

const FIRST_SERIAL = 32874; // 1990-01-01
const LAST_SERIAL = 73051; // 2099-12-31

function toCents(v: CellValue | undefined): bigint | null {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return null;
    return BigInt(new Decimal(v).times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed());
  }
  if (typeof v !== 'string' || v.trim() === '') return null;
  let r = parseMoney(v);
  if (r.kind !== 'ok') r = parseMoney(v, { decimalComma: true });
  return r.kind === 'ok' ? BigInt(r.value.times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed()) : null;
}

function toDay(v: CellValue | undefined): number | null {
  if (typeof v === 'number') return Number.isInteger(v) && v >= FIRST_SERIAL && v <= LAST_SERIAL ? v : null;
  if (typeof v !== 'string') return null;
  const r = parseDate(v);
  if (r.kind === 'ok') return r.day;
  // 05/03/2024 or 05.03.2024: a date whatever its order.
  return /^\s*\d{1,2}[/.\-]\d{1,2}[/.\-]\d{4}\s*$/.test(v) ? 1 : null;
}

/** Looks at up to {@link SAMPLE_ROWS} data rows below the header (totals rows and the block under the table left out). */
export function sampleRows(grid: SheetGrid, headerRow: number): CellValue[][] {
  const out: CellValue[][] = [];
  for (let i = headerRow; i < grid.rows.length && out.length < SAMPLE_ROWS; i++) {
    const cells = grid.rows[i];
    if (!cells || cells.every((v) => v === null || v === undefined || (typeof v === 'string' && v.trim() === ''))) continue;
    if (rowHasTailText(cells) && out.length > 0) break;
    if (rowHasTotalsText(cells)) continue;
    out.push(cells);
  }
  return out;
}

function profile(rows: readonly CellValue[][], col: number): Profile {
  const p: Profile = {
    col, count: 0, distinct: 0, runs: 0, dates: 0, money: 0, ids: 0, digitIds: 0, digitLength: -1, example: '',
    cents: [], days: [], texts: [],
  };
  const seen = new Set<string>();
  let prev: string | null = null;
  let lengths = new Set<number>();
  for (const cells of rows) {
    const v = cells[col];
    const text = v === null || v === undefined || isCellError(v) ? '' : cellText(v).trim();
    p.texts.push(text);
    p.cents.push(text === '' ? null : toCents(v));
    p.days.push(text === '' ? null : toDay(v));
    if (text === '') {
      prev = null;
      continue;
    }
    p.count++;
    if (p.example === '') p.example = text;
    if (!seen.has(text)) seen.add(text);
    if (text !== prev) p.runs++;
    prev = text;
    if (p.days[p.days.length - 1] !== null) p.dates++;
    if (p.cents[p.cents.length - 1] !== null) p.money++;
    // An id: a word with a digit in it, no spaces inside, not an amount with a decimal separator.
    const amountText = p.cents[p.cents.length - 1] !== null && /[.,]/.test(text);
    if (!amountText && /\d/.test(text) && !/\s/.test(text) && text.length >= 3 && text.length <= 40) {
      p.ids++;
      if (/^\d+$/.test(text)) {
        p.digitIds++;
        lengths.add(text.length);
      }
    }
  }
  p.distinct = seen.size;
  p.digitLength = lengths.size === 1 ? [...lengths][0] : -1;
  lengths = new Set();
  return p;
}

const pct = (x: number): string => `${Math.round(x * 100)}%`;

const WHY = {
  knownIds: { en: 'No header matched; {pct} of its values are Customer IDs of the customers sheet.', zh: '表头未能识别；{pct} 的值是客户档案中的客户编号。' },
  knownNames: { en: 'No header matched; {pct} of its values are customer names of the customers sheet.', zh: '表头未能识别；{pct} 的值是客户档案中的客户名称。' },
  sum: { en: 'No header matched; {a} + {b} = {c} holds on {pct} of rows with this column as {field}.', zh: '表头未能识别；以此列为{field}时，{pct} 的行满足 {a} + {b} = {c}。' },
  product: { en: 'No header matched; {a} × {b} = {c} holds on {pct} of rows with this column as {field}.', zh: '表头未能识别；以此列为{field}时，{pct} 的行满足 {a} × {b} = {c}。' },
  running: {
    en: 'No header matched; previous {c} + {a} − {b} = {c} holds on {pct} of rows with this column as {field}.',
    zh: '表头未能识别；以此列为{field}时，{pct} 的行满足 上行{c} + {a} − {b} = {c}。',
  },
  unique: { en: 'No header matched; its values are unique identifiers such as “{example}”.', zh: '表头未能识别；其值为唯一编号，如“{example}”。' },
  grouped: {
    en: 'No header matched; its values are identifiers such as “{example}”, each on one row or on consecutive lines of one document.',
    zh: '表头未能识别；其值为编号（如“{example}”），每个编号占一行或同一单据的连续几行。',
  },
  digits: { en: 'No header matched; its values are unique {length}-digit numbers such as “{example}”, like invoice numbers.', zh: '表头未能识别；其值为唯一的 {length} 位数字（如“{example}”），与发票号码相符。' },
  references: { en: 'No header matched; its values are document references such as “{example}”.', zh: '表头未能识别；其值为单据编号，如“{example}”。' },
  date: { en: 'No header matched; its values are dates such as {example}.', zh: '表头未能识别；其值为日期，如 {example}。' },
  laterDate: { en: 'No header matched; its dates fall on or after the {other} in {pct} of rows, like a due date.', zh: '表头未能识别；{pct} 的行中其日期不早于{other}，与到期日相符。' },
  onlyMoney: { en: 'No header matched; it is the only column of amounts.', zh: '表头未能识别；它是唯一的金额列。' },
} satisfies Record<string, Bilingual>;

/** A guess under construction. */
interface Guess {
  field: string;
  col: number;
  confidence: number;
  text: Bilingual;
  params: Record<string, string>;
}

/**
 * Guesses the fields of `kind` that are not mapped yet from the values of the free columns. `columns`
 * holds what the header already mapped (it is not changed); `blocked` fields were unmapped by the user
 * and stay unmapped. Returns the evidence of each guess, fields in no particular order.
 */
export function inferColumns(
  kind: TemplateKind,
  grid: SheetGrid,
  headerRow: number,
  columns: Readonly<Record<string, number>>,
  free: readonly number[],
  labels: readonly string[],
  blocked: ReadonlySet<string>,
  ctx: InferenceContext,
): ColumnEvidence[] {
  const rows = sampleRows(grid, headerRow);
  if (rows.length < 3 || free.length === 0) return [];
  const profiles = new Map<number, Profile>();
  const prof = (col: number): Profile => {
    let p = profiles.get(col);
    if (!p) profiles.set(col, (p = profile(rows, col)));
    return p;
  };
  const mapped: Record<string, number> = { ...columns };
  const open = new Set(free.filter((c) => prof(c).count > 0));
  const guesses: Guess[] = [];
  const wants = (field: string): boolean => mapped[field] === undefined && !blocked.has(field);
  const take = (field: string, col: number, confidence: number, text: Bilingual, params: Record<string, string>): void => {
    mapped[field] = col;
    open.delete(col);
    guesses.push({ field, col, confidence, text, params });
  };
  const label = (field: string, lang: 'en' | 'zh'): string => fieldLabel(kind, field, lang);

  // Customer IDs and names the customers sheet knows: the strongest evidence there is.
  if (wants('customerId') && kind !== 'customers' && ctx.customerIds && ctx.customerIds.size > 0) {
    const best = bestShare([...open], (p) => p.texts.filter((t) => t !== '' && ctx.customerIds?.has(t)).length, prof);
    if (best && best.share >= 0.8) take('customerId', best.col, 0.9, WHY.knownIds, { pct: pct(best.share) });
  }
  if (wants('customerName') && (kind === 'sales') && ctx.customerNames && ctx.customerNames.size > 0) {
    const best = bestShare([...open], (p) => p.texts.filter((t) => t !== '' && ctx.customerNames?.has(t)).length, prof);
    if (best && best.share >= 0.8) take('customerName', best.col, 0.85, WHY.knownNames, { pct: pct(best.share) });
  }

  const isDateCol = (c: number): boolean => prof(c).count >= 3 && prof(c).dates >= HOLDS * prof(c).count;
  const isMoneyCol = (c: number): boolean => prof(c).count >= 3 && prof(c).money >= HOLDS * prof(c).count && !isDateCol(c) && prof(c).ids - prof(c).digitIds < prof(c).count / 2;

  // Money that adds up.
  if (kind === 'sales') {
    solve(['amount', 'tax', 'total'], (a, b, c) => sumHolds(a, b, c, true), WHY.sum, 0.8);
    solve(['quantity', 'unitPrice', 'amount'], (a, b, c) => productHolds(a, b, c), WHY.product, 0.75);
  } else if (kind === 'statement') {
    solve(['billed', 'paid', 'balance'], (a, b, c) => runningHolds(a, b, c, mapped.customerId === undefined ? null : prof(mapped.customerId)), WHY.running, 0.8);
  } else if (kind === 'receipts' && wants('amount')) {
    const money = [...open].filter(isMoneyCol);
    if (money.length === 1) take('amount', money[0], 0.6, WHY.onlyMoney, {});
  }

  /**
   * Tries every assignment of free money columns to the unmapped fields of a relation (the mapped ones
   * keep their columns) and takes the one that holds on most rows, when it holds on {@link HOLDS}.
   */
  function solve(fields: [string, string, string], holds: (a: Profile, b: Profile, c: Profile) => number, text: Bilingual, confidence: number): void {
    const missing = fields.filter(wants);
    if (missing.length === 0 || missing.length === 3 && fields[0] === 'quantity') return;
    const pool = [...open].filter(isMoneyCol);
    if (pool.length < missing.length) return;
    let best: { cols: number[]; share: number } | null = null;
    const pick = (i: number, chosen: number[]): void => {
      if (i === fields.length) {
        const share = holds(prof(chosen[0]), prof(chosen[1]), prof(chosen[2]));
        if (!best || share > best.share) best = { cols: [...chosen], share };
        return;
      }
      const f = fields[i];
      if (!wants(f)) {
        if (mapped[f] === undefined) return;
        pick(i + 1, [...chosen, mapped[f]]);
        return;
      }
      for (const c of pool) if (!chosen.includes(c)) pick(i + 1, [...chosen, c]);
    };
    pick(0, []);
    const found = best as { cols: number[]; share: number } | null;
    if (!found || found.share < RELATION_HOLDS) return;
    const names = (lang: 'en' | 'zh'): Record<string, string> => ({ a: label(fields[0], lang), b: label(fields[1], lang), c: label(fields[2], lang) });
    fields.forEach((f, i) => {
      if (!wants(f)) return;
      guesses.push({ field: f, col: found.cols[i], confidence, text: {
        en: fmt(text, 'en', { ...names('en'), field: label(f, 'en'), pct: pct(found.share) }),
        zh: fmt(text, 'zh', { ...names('zh'), field: label(f, 'zh'), pct: pct(found.share) }),
      }, params: {} });
      mapped[f] = found.cols[i];
      open.delete(found.cols[i]);
    });
  }

  // Dates.
  const dateCols = [...open].filter(isDateCol);
  const dateField = kind === 'customers' ? null : 'date';
  if (dateField && wants(dateField) && dateCols.length > 0) {
    const byMedian = [...dateCols].sort((a, b) => median(prof(a).days) - median(prof(b).days));
    take(dateField, byMedian[0], dateCols.length === 1 ? 0.75 : 0.6, WHY.date, { example: prof(byMedian[0]).example });
  }
  if (kind === 'sales' && wants('dueDate') && mapped.date !== undefined) {
    for (const c of [...open].filter(isDateCol)) {
      const share = laterShare(prof(mapped.date), prof(c));
      if (share >= 0.95) {
        guesses.push({ field: 'dueDate', col: c, confidence: 0.6, text: {
          en: fmt(WHY.laterDate, 'en', { other: label('date', 'en'), pct: pct(share) }),
          zh: fmt(WHY.laterDate, 'zh', { other: label('date', 'zh'), pct: pct(share) }),
        }, params: {} });
        mapped.dueDate = c;
        open.delete(c);
        break;
      }
    }
  }

  // Identifiers.
  const idCols = [...open].filter((c) => {
    const p = prof(c);
    return p.count >= 3 && p.ids >= HOLDS * p.count && !isDateCol(c);
  });
  // Nearly unique: the repeats are what the duplicate check is for.
  const unique = (c: number): boolean => prof(c).distinct >= 0.9 * prof(c).count;
  const groupUnique = (c: number): boolean => prof(c).distinct >= 0.98 * prof(c).runs && prof(c).runs < prof(c).count;
  const fapiao = (c: number): boolean => prof(c).digitIds === prof(c).count && (prof(c).digitLength === 8 || prof(c).digitLength === 20);
  if (kind === 'sales') {
    const uniques = idCols.filter((c) => unique(c) || groupUnique(c));
    if (wants('invoiceNo')) {
      const inv = uniques.find(fapiao);
      if (inv !== undefined && (uniques.length > 1 || !wants('docNo'))) {
        take('invoiceNo', inv, 0.6, WHY.digits, { example: prof(inv).example, length: String(prof(inv).digitLength) });
      }
    }
    if (wants('docNo')) {
      const doc = uniques.find((c) => open.has(c));
      if (doc !== undefined) take('docNo', doc, 0.7, unique(doc) ? WHY.unique : WHY.grouped, { example: prof(doc).example });
    }
  } else if (kind === 'receipts' && wants('receiptNo')) {
    const doc = idCols.find(unique);
    if (doc !== undefined) take('receiptNo', doc, 0.7, WHY.unique, { example: prof(doc).example });
  } else if (kind === 'customers' && wants('customerId')) {
    const doc = idCols.find(unique);
    if (doc !== undefined) take('customerId', doc, 0.7, WHY.unique, { example: prof(doc).example });
  } else if (kind === 'statement' && wants('reference')) {
    const doc = idCols.find((c) => prof(c).distinct >= 0.5 * prof(c).count);
    if (doc !== undefined) take('reference', doc, 0.6, WHY.references, { example: prof(doc).example });
  }

  return guesses.map((g) => ({
    field: g.field,
    col: g.col,
    header: labels[g.col] ?? '',
    source: 'content' as const,
    confidence: g.confidence,
    reason: { en: fmt(g.text, 'en', g.params), zh: fmt(g.text, 'zh', g.params) },
  }));
}

function bestShare(cols: number[], hits: (p: Profile) => number, prof: (c: number) => Profile): { col: number; share: number } | null {
  let best: { col: number; share: number } | null = null;
  for (const c of cols) {
    const p = prof(c);
    if (p.count < 3) continue;
    const share = hits(p) / p.count;
    if (!best || share > best.share) best = { col: c, share };
  }
  return best;
}

function median(days: (number | null)[]): number {
  const xs = days.filter((d): d is number => d !== null).sort((a, b) => a - b);
  return xs.length ? xs[xs.length >> 1] : 0;
}

function laterShare(first: Profile, second: Profile): number {
  let n = 0;
  let ok = 0;
  for (let i = 0; i < first.days.length; i++) {
    const a = first.days[i];
    const b = second.days[i];
    if (a === null || b === null || a < FIRST_SERIAL || b < FIRST_SERIAL) continue;
    n++;
    if (b >= a) ok++;
  }
  return n >= 3 ? ok / n : 0;
}

const abs = (x: bigint): bigint => (x < 0n ? -x : x);

/** Share of rows with all three where a + b = c (within a cent), with |b| ≤ |a| when `smallerB` (tax is less than the net amount). */
function sumHolds(a: Profile, b: Profile, c: Profile, smallerB: boolean): number {
  let n = 0;
  let ok = 0;
  for (let i = 0; i < a.cents.length; i++) {
    const x = a.cents[i];
    const y = b.cents[i];
    const z = c.cents[i];
    if (x === null || y === null || z === null) continue;
    n++;
    if (abs(x + y - z) <= 1n && (!smallerB || abs(y) <= abs(x))) ok++;
  }
  return n >= 3 ? ok / n : 0;
}

/** Share of rows with all three where a × b = c within a cent. */
function productHolds(a: Profile, b: Profile, c: Profile): number {
  let n = 0;
  let ok = 0;
  for (let i = 0; i < a.cents.length; i++) {
    const x = a.cents[i];
    const y = b.cents[i];
    const z = c.cents[i];
    if (x === null || y === null || z === null) continue;
    n++;
    // cents × cents = 10⁴ × the product; compare at cents, rounding half up.
    const prod = x * y;
    const rounded = (abs(prod) + 50n) / 100n * (prod < 0n ? -1n : 1n);
    if (abs(rounded - z) <= 1n) ok++;
  }
  return n >= 3 ? ok / n : 0;
}

/**
 * Share of rows (after each customer's first) where previous balance + billed − paid = balance, a blank
 * billed or paid counting as zero.
 */
function runningHolds(billed: Profile, paid: Profile, balance: Profile, customer: Profile | null): number {
  let n = 0;
  let ok = 0;
  let prev: bigint | null = null;
  let who = '';
  for (let i = 0; i < balance.cents.length; i++) {
    const bal = balance.cents[i];
    const id = customer ? customer.texts[i] : '';
    if (id !== who) {
      prev = null;
      who = id;
    }
    const b = billed.cents[i] ?? 0n;
    const p = paid.cents[i] ?? 0n;
    if (bal === null) {
      if (prev !== null) prev = prev + b - p;
      continue;
    }
    if (prev !== null && (billed.cents[i] !== null || paid.cents[i] !== null)) {
      n++;
      if (abs(prev + b - p - bal) <= 1n) ok++;
    }
    prev = bal;
  }
  return n >= 3 ? ok / n : 0;
}

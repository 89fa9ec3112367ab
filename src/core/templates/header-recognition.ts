import { cellText, SheetGrid } from '../model/cells';
import { Bilingual, fmt } from '../model/i18n';
import { Settings } from '../model/settings';
import { savedHeader, sameHeader } from './column-map';
import { inferColumns, InferenceContext, sampleRows } from './content-inference';
import { findHeader, HeaderLayout } from './header-row';
import { headerForms } from './header-text';
import { fieldLabel, templateFields } from './template-fields';
import {
  ColumnEvidence, FieldKey, MappingSource, Recognition, SheetMapping, TEMPLATE_KINDS, TemplateKind, UnrecognisedSheet,
} from './templates';

export { headerForms } from './header-text';

interface IndexEntry {
  key: string;
  source: MappingSource;
}

let indexes: Map<TemplateKind, Map<string, IndexEntry>> | null = null;

/** Normalised header text → field key and whether it is the template's own header, per template; built once. */
function headerIndex(kind: TemplateKind): Map<string, IndexEntry> {
  if (!indexes) {
    indexes = new Map();
    for (const k of TEMPLATE_KINDS) {
      const index = new Map<string, IndexEntry>();
      for (const def of templateFields(k)) {
        for (const name of [def.en, def.zh]) {
          const key = headerForms(name)[0];
          if (!index.has(key)) index.set(key, { key: def.key, source: 'template' });
        }
      }
      for (const def of templateFields(k)) {
        for (const name of def.synonyms) {
          const key = headerForms(name)[0];
          if (!index.has(key)) index.set(key, { key: def.key, source: 'dictionary' });
        }
      }
      indexes.set(k, index);
    }
  }
  return indexes.get(kind) as Map<string, IndexEntry>;
}

/** Longer than any header, however padded: such a cell (a pasted note, a hostile file's megabyte string) names no field. */
const MAX_HEADER_TEXT = 1000;

function lookup(kind: TemplateKind, header: string): IndexEntry | undefined {
  // Checked before normalising: every cell of the rows tried as a header is looked up, once per template.
  if (header.length > MAX_HEADER_TEXT) return undefined;
  const index = headerIndex(kind);
  for (const form of headerForms(header)) {
    const hit = index.get(form);
    if (hit !== undefined) return hit;
  }
  return undefined;
}

/** The field a header text names in the template, or undefined. */
export function fieldForHeader<K extends TemplateKind>(kind: K, header: string): FieldKey<K> | undefined {
  return lookup(kind, header)?.key as FieldKey<K> | undefined;
}

const WHY: Record<'template' | 'dictionary' | 'saved', Bilingual> = {
  template: { en: 'Header “{header}” is the template’s {field} column.', zh: '表头“{header}”即模板的“{field}”列。' },
  dictionary: { en: 'Header “{header}” is a common export name for {field}.', zh: '表头“{header}”是导出文件中“{field}”的常见名称。' },
  saved: { en: 'Header “{header}” is mapped to {field} in the workbook settings.', zh: '工作簿设置将表头“{header}”映射为“{field}”。' },
};

const CONFIDENCE: Record<'template' | 'dictionary' | 'saved', number> = { template: 1, saved: 1, dictionary: 0.9 };

function evidenceFor(kind: TemplateKind, field: string, col: number, header: string, source: 'template' | 'dictionary' | 'saved'): ColumnEvidence {
  const reason: Bilingual = {
    en: fmt(WHY[source], 'en', { header, field: fieldLabel(kind, field, 'en') }),
    zh: fmt(WHY[source], 'zh', { header, field: fieldLabel(kind, field, 'zh') }),
  };
  return { field, col, header, source, confidence: CONFIDENCE[source], reason };
}

/**
 * Maps a header row onto one template: the settings' saved column map first (a header saved for a
 * field, or '' to leave the field unmapped), then the template headers and the export dictionary; the
 * first column wins when two name the same field. `labels` are the headers as shown (two-row headers
 * joined by " / "); they default to `headers`.
 */
export function mapHeaders<K extends TemplateKind>(
  sheet: string, kind: K, headers: readonly string[], settings?: Settings, headerRow = 1, labels: readonly string[] = headers,
): SheetMapping<K> {
  const columns: Partial<Record<FieldKey<K>, number>> = {};
  const evidence: ColumnEvidence[] = [];
  const taken = new Set<number>();
  const blocked = new Set<string>();
  if (settings) {
    for (const def of templateFields(kind)) {
      const saved = savedHeader(settings, kind, def.key);
      if (saved === undefined) continue;
      if (saved === '') {
        blocked.add(def.key);
        continue;
      }
      const col = headers.findIndex((h, c) => h !== '' && !taken.has(c) && sameHeader(h, saved));
      if (col < 0) continue;
      columns[def.key] = col;
      taken.add(col);
      evidence.push(evidenceFor(kind, def.key, col, labels[col] ?? headers[col], 'saved'));
    }
  }
  const unmapped: { col: number; header: string }[] = [];
  headers.forEach((header, col) => {
    if (header.trim() === '' || taken.has(col)) return;
    const hit = lookup(kind, header);
    const key = hit?.key as FieldKey<K> | undefined;
    if (hit === undefined || key === undefined || columns[key] !== undefined || blocked.has(hit.key)) {
      unmapped.push({ col, header: labels[col] ?? header });
      return;
    }
    columns[key] = col;
    evidence.push(evidenceFor(kind, hit.key, col, labels[col] ?? header, hit.source as 'template' | 'dictionary'));
  });
  return { sheet, template: kind, headerRow, columns, unmapped, evidence };
}

/**
 * Whether a mapping carries the columns that make a sheet this template rather than another with a
 * few headers in common (every template has Date or Customer ID; a sales sheet must have a document or
 * invoice number and an amount, a statement a billed, paid or balance column).
 */
function qualifies(kind: TemplateKind, cols: Partial<Record<string, number>>): boolean {
  return unmetGroups(kind, cols).length === 0;
}

/** The groups of fields (any one of each will do) a template needs and the mapping lacks. */
function unmetGroups(kind: TemplateKind, cols: Partial<Record<string, number>>): string[][] {
  const has = (k: string): boolean => cols[k] !== undefined;
  const groups: Record<TemplateKind, string[][]> = {
    customers: [['customerId'], ['customerName']],
    sales: [['docNo', 'invoiceNo'], ['amount', 'total', 'unitPrice']],
    receipts: [['receiptNo', 'method'], ['amount']],
    statement: [['billed', 'paid', 'balance'], ['reference', 'description', 'date']],
  };
  return groups[kind].filter((g) => !g.some(has));
}

/** The explicit template chosen for a sheet in the settings (exact name first, then case-insensitive). */
function overrideFor(sheet: string, settings: Settings): TemplateKind | undefined {
  const choices = settings.sheetTemplates ?? {};
  if (Object.prototype.hasOwnProperty.call(choices, sheet)) return choices[sheet];
  const lower = sheet.toLowerCase();
  for (const [name, kind] of Object.entries(choices)) if (name.toLowerCase() === lower) return kind;
  return undefined;
}

/** Sheet names that hint at a template: a tie-breaker, never enough alone. */
const NAME_HINTS: Record<TemplateKind, RegExp> = {
  customers: /customer|client|debtor|account|客户|往来单位|客商/i,
  sales: /sale|invoice|order|billing|销售|发票|订单|开票|出库/i,
  receipts: /receipt|payment|collection|remittance|回款|收款|到账|银行流水/i,
  statement: /statement|ledger|对账|账单|往来明细|明细账/i,
};

/** How well each template reads a header row: the most fields any one template names. */
function headerScore(settings: Settings): (headers: readonly string[]) => number {
  return (headers) => {
    let best = 0;
    for (const kind of TEMPLATE_KINDS) {
      const fields = new Set<string>();
      for (const h of headers) {
        if (h === '') continue;
        const hit = lookup(kind, h);
        if (hit) fields.add(hit.key);
      }
      for (const [field, saved] of Object.entries(settings.columnMap?.[kind] ?? {})) {
        if (saved !== '' && headers.some((h) => h !== '' && sameHeader(h, saved))) fields.add(field);
      }
      best = Math.max(best, fields.size);
    }
    return best;
  };
}

/** A candidate reading of a sheet as one template. */
interface Candidate {
  mapping: SheetMapping;
  score: number;
  qualifies: boolean;
}

function readAs(kind: TemplateKind, grid: SheetGrid, layout: HeaderLayout, settings: Settings, ctx: InferenceContext): Candidate {
  const mapping = mapHeaders(grid.name, kind, layout.headers, settings, layout.row, layout.labels);
  if (layout.top !== layout.row) mapping.headerTop = layout.top;
  const columns = mapping.columns as Record<string, number>;
  const mappedCols = new Set(Object.values(columns));
  let width = layout.headers.length;
  for (const cells of sampleRows(grid, layout.row).slice(0, 50)) width = Math.max(width, cells.length);
  const free: number[] = [];
  for (let c = 0; c < width; c++) if (!mappedCols.has(c)) free.push(c);
  const blocked = new Set(templateFields(kind).map((d) => d.key as string).filter((k) => savedHeader(settings, kind, k) === ''));
  const labels = Array.from({ length: width }, (_, c) => layout.labels[c] ?? '');
  const inferred = inferColumns(kind, grid, layout.row, columns, free, labels, blocked, ctx);
  const byHeader = mapping.evidence?.length ?? 0;
  for (const ev of inferred) {
    columns[ev.field] = ev.col;
    mapping.evidence?.push(ev);
    mapping.unmapped = mapping.unmapped.filter((u) => u.col !== ev.col);
  }
  const hint = NAME_HINTS[kind].test(grid.name) ? 0.75 : 0;
  return { mapping, score: byHeader + 0.5 * inferred.length + hint, qualifies: qualifies(kind, columns) };
}

/** True when rows below the header hold values: the sheet is a table of something. */
function holdsData(grid: SheetGrid, layout: HeaderLayout): boolean {
  if (layout.headers.filter((h) => h !== '').length < 2) return false;
  return sampleRows(grid, layout.row).some((cells) => cells.filter((v) => v !== null && v !== undefined && cellText(v).trim() !== '').length >= 2);
}

function unrecognised(grid: SheetGrid, layout: HeaderLayout, candidates: Candidate[]): UnrecognisedSheet {
  let closest = candidates[0];
  for (const c of candidates) if (c.score > closest.score) closest = c;
  const kind = closest.mapping.template;
  const cols = closest.mapping.columns as Partial<Record<string, number>>;
  const missing = new Set<string>();
  for (const group of unmetGroups(kind, cols)) missing.add(group[0]);
  for (const def of templateFields(kind)) if (def.required && cols[def.key] === undefined) missing.add(def.key);
  return {
    sheet: grid.name,
    closest: kind,
    headerRow: layout.row,
    matched: Object.keys(cols),
    missing: [...missing].map((field) => ({ field, en: fieldLabel(kind, field, 'en'), zh: fieldLabel(kind, field, 'zh') })),
  };
}

/** Customer ids and names of the sheets read as customers, for recognising the other sheets' columns. */
function customerContext(sheets: readonly SheetGrid[], mappings: readonly SheetMapping[]): InferenceContext {
  const ids = new Set<string>();
  const names = new Set<string>();
  for (const m of mappings) {
    if (m.template !== 'customers') continue;
    const grid = sheets.find((s) => s.name === m.sheet);
    const cols = m.columns as Partial<Record<string, number>>;
    if (!grid) continue;
    for (let i = m.headerRow; i < grid.rows.length && ids.size < 200_000; i++) {
      const cells = grid.rows[i];
      if (!cells) continue;
      if (cols.customerId !== undefined) {
        const t = cellText(cells[cols.customerId]).trim();
        if (t !== '') ids.add(t);
      }
      if (cols.customerName !== undefined) {
        const t = cellText(cells[cols.customerName]).trim();
        if (t !== '') names.add(t);
      }
    }
  }
  return { customerIds: ids, customerNames: names };
}

function recognizeOne(grid: SheetGrid, settings: Settings, ctx: InferenceContext): { mapping?: SheetMapping; unrecognised?: UnrecognisedSheet } {
  const layout = findHeader(grid, headerScore(settings));
  const forced = overrideFor(grid.name, settings);
  if (forced) {
    const use = layout ?? { row: 1, top: 1, headers: [], labels: [] };
    return { mapping: readAs(forced, grid, use, settings, ctx).mapping };
  }
  if (!layout || layout.headers.every((h) => h === '')) return {};
  const candidates = TEMPLATE_KINDS.map((kind) => readAs(kind, grid, layout, settings, ctx));
  let best: Candidate | null = null;
  for (const c of candidates) if (c.qualifies && c.score > 0 && (!best || c.score > best.score)) best = c;
  if (best) return { mapping: best.mapping };
  return holdsData(grid, layout) ? { unrecognised: unrecognised(grid, layout, candidates) } : {};
}

/**
 * Recognises which sheets are templates and maps their columns. The header row is searched in the
 * first rows (title rows, merged titles and two-row headers are passed over); columns are mapped by the
 * settings' saved column map, the templates' headers and the export dictionary (either language, case,
 * width, spaces, punctuation and units ignored), and the rest from their content (ids, dates, money
 * that adds up, ids of the customers sheet), each with its reason and confidence. The template that
 * reads the sheet best among those it qualifies for wins; `settings.sheetTemplates` overrides the
 * choice. A sheet holding data that no template fits is returned in `unrecognised` with the closest
 * template and the fields it lacks.
 */
export function recognizeWorkbook(sheets: readonly SheetGrid[], settings: Settings): Recognition {
  const first = sheets.map((g) => recognizeOne(g, settings, {}));
  const ctx = customerContext(sheets, first.flatMap((r) => (r.mapping ? [r.mapping] : [])));
  const known = (ctx.customerIds?.size ?? 0) > 0;
  const results = known
    ? sheets.map((g, i) => (first[i].mapping?.template === 'customers' ? first[i] : recognizeOne(g, settings, ctx)))
    : first;
  return {
    mappings: results.flatMap((r) => (r.mapping ? [r.mapping] : [])),
    unrecognised: results.flatMap((r) => (r.unrecognised ? [r.unrecognised] : [])),
  };
}

/** The template sheets of a workbook and their mappings (see {@link recognizeWorkbook}). */
export function recognizeSheets(sheets: readonly SheetGrid[], settings: Settings): SheetMapping[] {
  return recognizeWorkbook(sheets, settings).mappings;
}

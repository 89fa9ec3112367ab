import { cellText, SheetGrid } from '../model/cells';
import { Settings } from '../model/settings';
import { templateFields } from './template-fields';
import { FieldKey, SheetMapping, TEMPLATE_KINDS, TemplateKind } from './templates';

/** The header row of every template (DESIGN.md: "a sheet whose first row holds these headers"). */
const HEADER_ROW = 1;

/**
 * Comparable forms of a header text, most literal first: NFKC (full-width letters, digits and
 * punctuation become ASCII), lower case, `#`/`№` read as "no" and `%` as "pct", then every character
 * that is not a letter or digit dropped. The second form also drops parenthesised parts and a trailing
 * currency or unit, so `Amount (CNY)`, `金额（元）` and `Amount CNY` read as `Amount`.
 */
export function headerForms(text: string): string[] {
  const base = text.normalize('NFKC').toLowerCase().replace(/[#№]/g, 'no').replace(/%/g, 'pct');
  const full = squash(base);
  const bare = squash(base.replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】|〔[^〕]*〕/g, ' ')).replace(UNIT_SUFFIX, '');
  return bare !== full && bare !== '' ? [full, bare] : [full];
}

const UNIT_SUFFIX = /(?:cny|rmb|usd|万元|元|yuan)$/;

function squash(s: string): string {
  return s.replace(/[^\p{L}\p{N}]+/gu, '');
}

let indexes: Map<TemplateKind, Map<string, string>> | null = null;

/** Normalised header text → field key, per template; built once. */
function headerIndex(kind: TemplateKind): Map<string, string> {
  if (!indexes) {
    indexes = new Map();
    for (const k of TEMPLATE_KINDS) {
      const index = new Map<string, string>();
      for (const def of templateFields(k)) {
        for (const name of [def.en, def.zh, ...def.synonyms]) {
          const key = headerForms(name)[0];
          if (!index.has(key)) index.set(key, def.key);
        }
      }
      indexes.set(k, index);
    }
  }
  return indexes.get(kind) as Map<string, string>;
}

/** The field a header text names in the template, or undefined. */
export function fieldForHeader<K extends TemplateKind>(kind: K, header: string): FieldKey<K> | undefined {
  const index = headerIndex(kind);
  for (const form of headerForms(header)) {
    const key = index.get(form);
    if (key !== undefined) return key as FieldKey<K>;
  }
  return undefined;
}

/** Maps a header row onto one template: first column wins when two name the same field. */
export function mapHeaders<K extends TemplateKind>(sheet: string, kind: K, headers: readonly string[]): SheetMapping<K> {
  const columns: Partial<Record<FieldKey<K>, number>> = {};
  const unmapped: { col: number; header: string }[] = [];
  headers.forEach((header, col) => {
    if (header.trim() === '') return;
    const key = fieldForHeader(kind, header);
    if (key === undefined || columns[key] !== undefined) unmapped.push({ col, header });
    else columns[key] = col;
  });
  return { sheet, template: kind, headerRow: HEADER_ROW, columns, unmapped };
}

/**
 * Whether a mapping carries the columns that make a sheet this template rather than another with a
 * few headers in common (every template has Date or Customer ID; a sales sheet must have a document or
 * invoice number and an amount, a statement a billed, paid or balance column).
 */
function qualifies(kind: TemplateKind, cols: Partial<Record<string, number>>): boolean {
  const has = (k: string): boolean => cols[k] !== undefined;
  switch (kind) {
    case 'customers':
      return has('customerId') && has('customerName');
    case 'sales':
      return (has('docNo') || has('invoiceNo')) && (has('amount') || has('total') || has('unitPrice'));
    case 'receipts':
      return (has('receiptNo') || has('method')) && has('amount');
    case 'statement':
      return (has('billed') || has('paid') || has('balance')) && (has('reference') || has('description') || has('date'));
  }
}

/** The explicit template chosen for a sheet in the settings (exact name first, then case-insensitive). */
function overrideFor(sheet: string, settings: Settings): TemplateKind | undefined {
  const choices = settings.sheetTemplates ?? {};
  if (Object.prototype.hasOwnProperty.call(choices, sheet)) return choices[sheet];
  const lower = sheet.toLowerCase();
  for (const [name, kind] of Object.entries(choices)) if (name.toLowerCase() === lower) return kind;
  return undefined;
}

/**
 * Recognises which sheets are templates by their header row (either language, case-, space- and
 * punctuation-insensitive, plus synonyms) and maps their columns. The template that maps the most
 * columns among those the sheet qualifies for wins (ties go to the order of {@link TEMPLATE_KINDS});
 * `settings.sheetTemplates` overrides the choice. Sheets that are no template are left out.
 */
export function recognizeSheets(sheets: SheetGrid[], settings: Settings): SheetMapping[] {
  const out: SheetMapping[] = [];
  for (const sheet of sheets) {
    const first = sheet.rows[HEADER_ROW - 1] ?? [];
    const headers = Array.from(first, (v) => cellText(v).trim());
    const forced = overrideFor(sheet.name, settings);
    if (forced) {
      out.push(mapHeaders(sheet.name, forced, headers));
      continue;
    }
    if (headers.every((h) => h === '')) continue;
    let best: SheetMapping | null = null;
    let bestCount = 0;
    for (const kind of TEMPLATE_KINDS) {
      const mapping = mapHeaders(sheet.name, kind, headers);
      const count = Object.keys(mapping.columns).length;
      if (count > bestCount && qualifies(kind, mapping.columns)) {
        best = mapping;
        bestCount = count;
      }
    }
    if (best) out.push(best);
  }
  return out;
}

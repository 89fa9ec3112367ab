import { Bilingual } from '../model/i18n';
import { ColumnMap, mergeColumnMaps, Settings } from '../model/settings';
import { fieldDef, templateFields } from './template-fields';
import { headerForms } from './header-text';
import { SheetMapping, TEMPLATE_KINDS, TemplateKind } from './templates';

/**
 * The saved column mapping (settings `columnMap`): what the mapping panel and `recon check --map
 * template.field=Header` write, and what every run reads before the dictionary and content inference.
 */

/** One `--map` entry (or one choice in the mapping panel). `header` '' unmaps the field. */
export interface MapChoice {
  template: TemplateKind;
  field: string;
  header: string;
}

/** Why a `--map` text was refused. */
export type MapChoiceError = 'syntax' | 'template' | 'field';

/**
 * Reads `template.field=Header` (`sales.docNo=Order Ref`; `receipts.method=` unmaps Method). Template and
 * field keys are case-insensitive; the header is kept as written (it is compared loosely later).
 */
export function parseMapChoice(text: string): { ok: true; choice: MapChoice } | { ok: false; error: MapChoiceError } {
  const m = /^\s*([A-Za-z]+)\.([A-Za-z]+)\s*=(.*)$/s.exec(text);
  if (!m) return { ok: false, error: 'syntax' };
  const template = TEMPLATE_KINDS.find((k) => k === m[1].toLowerCase());
  if (!template) return { ok: false, error: 'template' };
  const def = fieldDef(template, m[2]) ?? templateFields(template).find((d) => d.key.toLowerCase() === m[2].toLowerCase());
  if (!def) return { ok: false, error: 'field' };
  return { ok: true, choice: { template, field: def.key, header: m[3].trim() } };
}

/** Settings with the choices laid over the saved column map (later choices win). Pure. */
export function withColumnChoices(settings: Settings, choices: readonly MapChoice[]): Settings {
  const over: ColumnMap = {};
  for (const c of choices) over[c.template] = { ...over[c.template], [c.field]: c.header };
  return { ...settings, columnMap: mergeColumnMaps(settings.columnMap ?? {}, over) };
}

/**
 * The column map a run used, to save with the settings: for each template, every mapped field and the
 * header (as compared) of its column on the first sheet of that template; fields the user unmapped
 * ('' in the settings) stay unmapped.
 */
export function columnMapOf(mappings: readonly SheetMapping[], settings: Settings): ColumnMap {
  const used: ColumnMap = {};
  for (const m of mappings) {
    if (used[m.template]) continue;
    const fields: Record<string, string> = {};
    for (const ev of m.evidence ?? []) fields[ev.field] = ev.header.includes(' / ') ? ev.header.split(' / ').pop() as string : ev.header;
    for (const [field, header] of Object.entries(settings.columnMap?.[m.template] ?? {})) if (header === '') fields[field] = '';
    used[m.template] = fields;
  }
  return mergeColumnMaps(settings.columnMap ?? {}, used);
}

/** The saved choice for a field: a header text, '' for "no column", undefined when none is saved. */
export function savedHeader(settings: Settings, template: TemplateKind, field: string): string | undefined {
  const fields = settings.columnMap?.[template];
  return fields && Object.prototype.hasOwnProperty.call(fields, field) ? fields[field] : undefined;
}

/** True when a header text is the saved header (compared like the dictionary compares). */
export function sameHeader(a: string, b: string): boolean {
  const fa = headerForms(a);
  const fb = headerForms(b);
  return fa.some((x) => fb.includes(x));
}

/** Messages of the `--map` parser, in both languages. */
export const MAP_CHOICE_TEXT: Record<MapChoiceError, Bilingual> = {
  syntax: { en: '--map expects template.field=Header, e.g. sales.docNo="Order Ref"; got “{value}”.', zh: '--map 的格式应为 模板.字段=表头，例如 sales.docNo="订单号"；收到“{value}”。' },
  template: { en: '--map: “{value}” names no template (customers, sales, receipts, statement).', zh: '--map：“{value}”不是模板名（customers、sales、receipts、statement）。' },
  field: { en: '--map: “{value}” names no field of that template.', zh: '--map：“{value}”不是该模板的字段。' },
};

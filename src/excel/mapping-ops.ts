import { columnLetter } from '../core/model/cells';
import { Lang } from '../core/model/i18n';
import { resolveSettings } from '../core/model/settings';
import { STATE_SHEET } from '../core/output/workbook-state';
import { MapChoice, withColumnChoices } from '../core/templates/column-map';
import { recognizeWorkbook } from '../core/templates/header-recognition';
import { TEMPLATE_NAMES, templateFields } from '../core/templates/template-fields';
import { MappingSource, TemplateKind } from '../core/templates/templates';
import { Batcher } from './batcher';
import { ExcelHost } from './host';
import { AdapterError } from './office-errors';
import { OpResult } from './ops';
import { loadInventory, normalizeRows, queueStateRead } from './read-workbook';
import { queueStateWrite } from './state-store';
import { templateFailure } from './template-messages';

/**
 * What the mapping panel shows and saves: for each sheet recognised as a template, every field of the
 * template with the column it was mapped to (and why, how sure), or none; the sheet's header texts to
 * choose from; and the sheets that look like data but fit no template. A choice is saved in the
 * workbook's settings (`columnMap`), which the add-in and `recon` read before the dictionary.
 */

/** Rows read per sheet to find its header and judge its columns by their content. */
const SCAN = 'A1:AX10';

export interface FieldView {
  field: string;
  /** The template's header for the field, in the workbook's language. */
  label: string;
  required: boolean;
  /** Column letters, or null when the field is not mapped. */
  column: string | null;
  header: string | null;
  source: MappingSource | null;
  /** 0–1. */
  confidence: number | null;
  reason: string | null;
}

export interface SheetMappingView {
  sheet: string;
  template: TemplateKind;
  templateName: string;
  headerRow: number;
  /** The sheet's header texts, left to right (blank headers left out). */
  headers: string[];
  fields: FieldView[];
}

export interface MappingView {
  sheets: SheetMappingView[];
  /** Sheets with data that fit no template: the closest one and the headers it lacks. */
  unrecognised: { sheet: string; templateName: string; missing: string[] }[];
}

/** Reads the workbook's sheets (their first rows) and how the engine maps them. Two syncs. */
export async function readMapping(host: ExcelHost, lang: Lang): Promise<OpResult<MappingView>> {
  try {
    const value = await host.run(async (context) => {
      const inventory = await loadInventory(context);
      const stateOf = queueStateRead(context, inventory);
      const visible = inventory.filter((s) => s.visibility === 'Visible' && s.name !== STATE_SHEET);
      const reads = visible.map((s) => context.workbook.worksheets.getItem(s.name).getRange(SCAN).load('values,valueTypes'));
      await context.sync();
      const state = stateOf().state;
      const owned = new Set(state.ownedSheets.map((o) => o.name.toLowerCase()));
      const grids = visible
        .map((s, i) => ({ name: s.name, rows: normalizeRows(reads[i].values, reads[i].valueTypes as string[][]) }))
        .filter((g) => !owned.has(g.name.toLowerCase()));
      const settings = resolveSettings({ ...state.settings, lang });
      const recognition = recognizeWorkbook(grids, settings);
      const view: MappingView = { sheets: [], unrecognised: [] };
      for (const m of recognition.mappings) {
        const grid = grids.find((g) => g.name === m.sheet);
        const headerRow = grid?.rows[m.headerRow - 1] ?? [];
        const headers = headerRow.map((v) => (v === null ? '' : String(typeof v === 'object' ? v.error : v)).trim()).filter((h) => h !== '');
        const cols = m.columns as Partial<Record<string, number>>;
        view.sheets.push({
          sheet: m.sheet,
          template: m.template,
          templateName: TEMPLATE_NAMES[m.template][lang],
          headerRow: m.headerRow,
          headers,
          fields: templateFields(m.template).map((d) => {
            const col = cols[d.key];
            const ev = m.evidence?.find((e) => e.field === d.key);
            return {
              field: d.key,
              label: d[lang],
              required: d.required,
              column: col === undefined ? null : columnLetter(col),
              header: col === undefined ? null : ev?.header ?? headers[col] ?? null,
              source: ev?.source ?? null,
              confidence: ev?.confidence ?? null,
              reason: ev ? ev.reason[lang] : null,
            };
          }),
        });
      }
      for (const u of recognition.unrecognised) {
        view.unrecognised.push({ sheet: u.sheet, templateName: TEMPLATE_NAMES[u.closest][lang], missing: u.missing.map((x) => x[lang]) });
      }
      return view;
    });
    return { ok: true, value };
  } catch (e) {
    return templateFailure(e, lang);
  }
}

/** Saves column choices ("this header is the Document No"; '' for "no column") in the workbook's settings. */
export async function saveMapping(host: ExcelHost, lang: Lang, choices: readonly MapChoice[]): Promise<OpResult<number>> {
  try {
    await host.run(async (context) => {
      const inventory = await loadInventory(context);
      const stateOf = queueStateRead(context, inventory);
      await context.sync();
      const found = stateOf();
      if (found.unreadable) throw new AdapterError('StateUnreadable', { sheet: STATE_SHEET });
      const settings = withColumnChoices(resolveSettings(found.state.settings), choices);
      const batcher = new Batcher(context);
      await queueStateWrite(context, batcher, found, { ...found.state, settings: { ...found.state.settings, columnMap: settings.columnMap } });
      await batcher.flush();
    });
    return { ok: true, value: choices.length };
  } catch (e) {
    return templateFailure(e, lang);
  }
}

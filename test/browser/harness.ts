/**
 * Stands in for office.js in the browser test: the page's request for Microsoft's CDN script is
 * answered with this bundle, which installs the fake Excel (test/fake-excel) as the page's `Office`,
 * `Excel` and `OfficeExtension` before the task pane's own script runs. `?lang=zh-CN` on the page URL
 * sets Office's display language. `window.__fakeExcel` lets the test look inside.
 */
import { createFakeExcel, FakeWorkbookModel } from '../fake-excel';
import { SALES_WORKBOOK } from './sales-workbook';

/** What the test reads back through page.evaluate. */
export interface HarnessProbe {
  selection(): { sheet: string; address: string } | null;
  activeSheet(): string | null;
  syncs(): number;
  /** Puts Excel in cell-edit mode (every request then fails, as when a user is typing in a cell). */
  setCellEditMode(on: boolean): void;
  /** Every sheet's name, in tab order. */
  sheetNames(): string[];
  /** A1 addresses of the cells of `sheet` that have a fill. */
  filledCells(sheet: string): string[];
  /** While held, each Excel.run waits before starting (so a test can act mid-check). */
  holdRuns(): void;
  releaseRuns(): void;
  /** Lets `n` more Excel.run calls start, then holds the next ones (a check's write comes after its read). */
  holdRunsAfter(n: number): void;
  /** A reviewer typing a decision into the Findings sheet row of finding `id`; false when there is no such row. */
  review(id: string, status: string, reviewer: string, comment: string): boolean;
  /** The data-validation rules of a sheet: the cells they cover, the rule and the prompt's title. */
  validations(sheet: string): { address: string; rule: unknown; promptTitle: string }[];
  /** Whether a sheet is protected. */
  isProtected(sheet: string): boolean;
  /** A rep typing into a cell (raises onChanged). */
  userEdit(sheet: string, address: string, value: string | number): void;
  /** The fill colour of a cell, or null. */
  fill(sheet: string, address: string): string | null;
  /** The add-in's saved settings' column map, as JSON text ('' when there is no state). */
  savedColumnMap(): string;
  /** A user's conditional format with a fill over `appliesTo` ("A1:L6") of `sheet`. */
  addFillRule(sheet: string, appliesTo: string): void;
}

const lang = new URLSearchParams(window.location.search).get('lang') ?? 'en-US';
const fake = createFakeExcel(FakeWorkbookModel.fromRows(SALES_WORKBOOK), { displayLanguage: lang, apiVersion: '1.18' });

// A gate in front of Excel.run: Excel answers in its own time, and a test must be able to make it wait.
let gate: Promise<void> = Promise.resolve();
let openGate: () => void = () => undefined;
const realRun = fake.Excel.run.bind(fake.Excel);
let freeRuns = Infinity;
fake.Excel.run = async <T>(...args: unknown[]): Promise<T> => {
  if (freeRuns-- <= 0) probe.holdRuns();
  await gate;
  return realRun<T>(...args);
};
fake.install(window as unknown as Record<string, unknown>);

const col = (c0: number): string => {
  let n = c0 + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
};

const probe: HarnessProbe = {
  selection() {
    const sel = fake.model.selection;
    if (!sel) return null;
    const sheet = fake.model.sheetById(sel.sheetId);
    const { r0, c0, r1, c1 } = sel.rect;
    const a = `${col(c0)}${r0 + 1}`;
    return { sheet: sheet?.name ?? '?', address: r0 === r1 && c0 === c1 ? a : `${a}:${col(c1)}${r1 + 1}` };
  },
  activeSheet() {
    const id = fake.model.activeSheetId;
    return id ? fake.model.sheetById(id)?.name ?? null : null;
  },
  syncs() {
    return fake.stats.syncs;
  },
  setCellEditMode(on) {
    fake.inject.setCellEditMode(on);
  },
  sheetNames() {
    return fake.model.sheets.map((s) => s.name);
  },
  filledCells(sheet) {
    const s = fake.model.sheet(sheet);
    return s ? [...s.fills.keys()].map((k) => s.cellA1(k)).sort() : [];
  },
  holdRuns() {
    gate = new Promise((resolve) => {
      openGate = resolve;
    });
  },
  releaseRuns() {
    freeRuns = Infinity;
    openGate();
    gate = Promise.resolve();
  },
  holdRunsAfter(n) {
    freeRuns = n;
  },
  validations(sheet) {
    const s = fake.model.sheet(sheet);
    if (!s) return [];
    return s.validations.map((v) => ({
      address: `${col(v.rect.c0)}${v.rect.r0 + 1}:${col(v.rect.c1)}${v.rect.r1 + 1}`,
      rule: v.rule,
      promptTitle: String(v.prompt?.title ?? ''),
    }));
  },
  isProtected(sheet) {
    return fake.model.sheet(sheet)?.protected === true;
  },
  userEdit(sheet, address, value) {
    fake.inject.userEdit(sheet, address, value);
  },
  fill(sheet, address) {
    const s = fake.model.sheet(sheet);
    const m = /^([A-Z]+)(\d+)$/.exec(address);
    if (!s || !m) return null;
    const c = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    return s.fills.get((Number(m[2]) - 1) * 16384 + c)?.color ?? null;
  },
  addFillRule(sheet, appliesTo) {
    fake.model.mustSheet(sheet).addConditionalFormat({ type: 'Custom', appliesTo, fill: '#FFEB9C', rule: { formula: '=TRUE' } });
  },
  savedColumnMap() {
    const s = fake.model.sheets.find((x) => x.name === '_ReconState');
    if (!s) return '';
    const text = s.rows.map((r) => (r && typeof r[0] === 'string' ? r[0] : '')).join('');
    try {
      return JSON.stringify((JSON.parse(text) as { settings?: { columnMap?: unknown } }).settings?.columnMap ?? null);
    } catch {
      return '';
    }
  },
  review(id, status, reviewer, comment) {
    const sheet = fake.model.sheet('Findings');
    if (!sheet) return false;
    const header = sheet.rows.findIndex((row) => row?.includes('Finding ID'));
    if (header < 0) return false;
    const col = (name: string): number => sheet.rows[header].indexOf(name);
    for (let r = header + 1; r < sheet.rows.length; r++) {
      if (sheet.getValue(r, col('Finding ID')) !== id) continue;
      sheet.setValue(r, col('Status'), status);
      sheet.setValue(r, col('Reviewer'), reviewer);
      sheet.setValue(r, col('Comment'), comment);
      return true;
    }
    return false;
  },
};

(window as unknown as { __fakeExcel: HarnessProbe }).__fakeExcel = probe;

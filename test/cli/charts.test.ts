import { execFile } from 'child_process';
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import { pathToFileURL } from 'url';
import { promisify } from 'util';
import { parseXmlText } from '../../src/xlsx/package-structure';
import { openXlsx, readParts, recon, tempDir } from './cli-helpers';

const run = promisify(execFile);

/**
 * Issue 10: the Aging sheet carries an Excel bar chart. `recon check --out` adds it as DrawingML parts
 * (exceljs cannot write charts) beside the user's own charts, which stay byte for byte, and `recon clear`
 * takes it away again.
 */

// The user's own chart and drawing, under the names a first chart gets: ours must take others.
const USER_PARTS: Record<string, string> = {
  'xl/charts/chart1.xml': '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart><c:plotArea><c:layout/></c:plotArea></c:chart></c:chartSpace>',
  'xl/drawings/drawing1.xml': '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"/>',
  'xl/drawings/_rels/drawing1.xml.rels': '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart1.xml"/></Relationships>',
};

const NAME_1 = "O'Neil & Sons";
const NAME_2 = '北方贸易';

/**
 * As of 2024-03-31, Net 30: C1's S-1 (2024-01-10, due 2024-02-09) is 51 days overdue, 31-60; S-2
 * (2024-03-20, due 2024-04-19) is not yet due, Current. C2's S-3 (2024-02-01, due 2024-03-02) is 29
 * days overdue, 1-30. The chart shows the overdue buckets of the top customers by overdue balance: C2
 * (2,000) then C1 (1,000), from the block under the table (rows 3–4, totals 5, blank 6, caption 7,
 * header 8, C2 on 9 and C1 on 10), whose cells are formulas on C2's table row 4 and C1's row 3.
 */
const EXPECTED: Record<string, [number, number]> = {
  '1-30': [2000, 0],
  '31-60': [0, 1000],
  '61-90': [0, 0],
  '91-180': [0, 0],
  '>180': [0, 0],
};
const TITLE = 'Top 2 customers by overdue balance';

/** What a cell shows: a formula's cached result, else its value. */
function shown(v: ExcelJS.CellValue): ExcelJS.CellValue {
  return v !== null && typeof v === 'object' && 'formula' in v ? (v.result as ExcelJS.CellValue) : v;
}

/**
 * The number a cell of a sheet part caches (`<v>`), formula or not; null when it has none. Read from the
 * XML: exceljs drops a formula's cached result of 0 when it reads a file.
 */
function cachedNumber(sheetXml: string, cell: string): number | null {
  const m = new RegExp(`<c r="${cell}"[^>]*>(?:<f>[^<]*</f>)?<v>([^<]*)</v>`).exec(sheetXml);
  return m ? Number(m[1]) : null;
}

/** A cell's formula, or null when it holds a plain value. */
function formulaOf(v: ExcelJS.CellValue): string | null {
  return v !== null && typeof v === 'object' && 'formula' in v ? v.formula ?? null : null;
}

async function buildInput(file: string, userParts: Record<string, string> = USER_PARTS): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const customers = wb.addWorksheet('Customers');
  [['Customer ID', 'Customer Name', 'Credit Limit', 'Payment Terms'], ['C1', NAME_1, 100000, 'Net 30'], ['C2', NAME_2, 100000, 'Net 30']].forEach((r) => customers.addRow(r));
  const sales = wb.addWorksheet('Sales');
  sales.addRow(['Date', 'Document No', 'Customer ID', 'Customer Name', 'Product', 'Amount']);
  sales.addRow([new Date(Date.UTC(2024, 0, 10)), 'S-1', 'C1', NAME_1, 'Pipe', 1000]);
  sales.addRow([new Date(Date.UTC(2024, 2, 20)), 'S-2', 'C1', NAME_1, 'Pipe', 500.25]);
  sales.addRow([new Date(Date.UTC(2024, 1, 1)), 'S-3', 'C2', NAME_2, 'Valve', 2000]);
  sales.getColumn(1).numFmt = 'yyyy-mm-dd';
  // A user sheet already called "Aging": ours becomes "Aging (2)", a name formulas must quote.
  wb.addWorksheet('Aging').getCell('A1').value = 'my own notes';
  await wb.xlsx.writeFile(file);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- jszip ships with exceljs; only the test adds the parts exceljs cannot write
  const JSZip = require('jszip') as { loadAsync(b: Buffer): Promise<{ file(n: string, d: string): void; generateAsync(o: { type: 'nodebuffer'; compression: 'DEFLATE' }): Promise<Buffer> }> };
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  for (const [name, xml] of Object.entries(userParts)) zip.file(name, xml);
  await fs.writeFile(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

/** What a chart part says, read with the project's tokenizer (local names, prefixes dropped): chart kinds, bar direction, title, series formulas. */
interface ChartRead {
  kinds: string[];
  barDir: string | null;
  grouping: string | null;
  overlap: string | null;
  /** The category axis' orientation and where the value axis crosses it. */
  categories: { orientation: string; crosses: string };
  title: string;
  series: { tx: string; cat: string; val: string }[];
}

function readChart(xml: string): ChartRead {
  const read: ChartRead = { kinds: [], barDir: null, grouping: null, overlap: null, categories: { orientation: '', crosses: '' }, title: '', series: [] };
  const stack: string[] = [];
  let text = '';
  read.categories = {
    orientation: /<c:catAx>.*?<c:orientation val="(\w+)"\/>/.exec(xml)?.[1] ?? '',
    crosses: /<c:valAx>.*?<c:crosses val="(\w+)"\/>/.exec(xml)?.[1] ?? '',
  };
  parseXmlText(xml, (name, a, selfClosing) => {
    if (/^\w+Chart$/.test(name)) read.kinds.push(name);
    if (name === 'barDir') read.barDir = a.val ?? null;
    if (name === 'grouping') read.grouping = a.val ?? null;
    if (name === 'overlap') read.overlap = a.val ?? null;
    if (name === 'ser') read.series.push({ tx: '', cat: '', val: '' });
    if (!selfClosing) stack.push(name);
    text = '';
  }, (name) => {
    stack.pop();
    const inside = (n: string): boolean => stack.includes(n);
    if (name === 't' && inside('title')) read.title += text;
    if (name === 'f') {
      const ser = read.series[read.series.length - 1];
      if (inside('tx')) ser.tx = text;
      else if (inside('cat')) ser.cat = text;
      else if (inside('val')) ser.val = text;
    }
  }, (t) => {
    text += t;
  });
  return read;
}

/** The cells a formula such as `'Aging (2)'!$C$3:$C$4` names: its sheet and each cell address, top to bottom. */
function cellsOf(formula: string): { sheet: string; cells: string[] } {
  const m = /^'((?:[^']|'')+)'!\$([A-Z]+)\$(\d+)(?::\$([A-Z]+)\$(\d+))?$/.exec(formula);
  if (!m) throw new Error(`not a quoted column reference: ${formula}`);
  const [, quoted, col, top, col2, bottom] = m;
  if (col2 !== undefined && col2 !== col) throw new Error(`not one column: ${formula}`);
  const cells: string[] = [];
  for (let r = Number(top); r <= Number(bottom ?? top); r++) cells.push(`${col}${r}`);
  return { sheet: quoted.replace(/''/g, "'"), cells };
}

/** A relationship target resolved against its source part's folder. */
function resolve(source: string, target: string): string {
  const path = target.startsWith('/') ? [] : source.split('/').slice(0, -1);
  for (const seg of target.replace(/^\//, '').split('/')) if (seg === '..') path.pop(); else path.push(seg);
  return path.join('/');
}

/** Targets of a part's relationships of one type (`drawing`, `chart`, …), by id. */
function relsOf(parts: Map<string, string>, source: string, type: string): Map<string, string> {
  const relsName = source.replace(/([^/]+)$/, '_rels/$1.rels');
  const found = new Map<string, string>();
  for (const m of (parts.get(relsName) ?? '').matchAll(/<Relationship ([^>]*)\/>/g)) {
    const attr = (n: string): string => new RegExp(`${n}="([^"]*)"`).exec(m[1])?.[1] ?? '';
    if (attr('Type').endsWith(`/${type}`)) found.set(attr('Id'), resolve(source, attr('Target')));
  }
  return found;
}

/** The parts that draw a sheet's charts, followed from the workbook: its part, its drawing element's id, drawing and chart parts. */
function sheetCharts(parts: Map<string, string>, sheetName: string): { sheetPart: string; drawingId: string; drawing: string; charts: string[] } {
  const escaped = sheetName.replace(/[()]/g, '\\$&');
  const rid = new RegExp(`<sheet [^>]*name="${escaped}"[^>]*r:id="([^"]+)"`).exec(parts.get('xl/workbook.xml') ?? '')?.[1] ?? '';
  const sheetPart = relsOf(parts, 'xl/workbook.xml', 'worksheet').get(rid) ?? '';
  const drawingId = /<drawing r:id="([^"]+)"\/>/.exec(parts.get(sheetPart) ?? '')?.[1] ?? '';
  const drawing = relsOf(parts, sheetPart, 'drawing').get(drawingId) ?? '';
  return { sheetPart, drawingId, drawing, charts: [...relsOf(parts, drawing, 'chart').values()] };
}

describe('the Aging sheet\'s bar chart in the written .xlsx', () => {
  const tmp = tempDir();
  const input = tmp.file('in.xlsx');
  const out = tmp.file('out.xlsx');
  let original: Map<string, string>;
  let parts: Map<string, string>;
  let book: ExcelJS.Workbook;

  beforeAll(async () => {
    await buildInput(input);
    original = await readParts(input);
    const result = await recon('check', input, '--out', out, '--as-of', '2024-03-31');
    expect(result.err).toEqual([]);
    expect(result.code).toBe(0);
    parts = await readParts(out);
    // Another tool reading the copy: exceljs opens it (and would throw on a package it cannot read).
    book = await openXlsx(out);
  });
  afterAll(() => tmp.cleanup());

  it('keeps the user\'s chart and drawing parts byte for byte and numbers its own after them', () => {
    for (const [name, xml] of Object.entries(USER_PARTS)) expect(parts.get(name)).toBe(xml);
    const aging = sheetCharts(parts, 'Aging (2)');
    expect(aging.charts).toHaveLength(1);
    expect(aging.drawing).toMatch(/^xl\/drawings\/drawing\d+\.xml$/);
    expect(aging.charts[0]).toMatch(/^xl\/charts\/chart\d+\.xml$/);
    expect(Object.keys(USER_PARTS)).not.toContain(aging.drawing);
    expect(Object.keys(USER_PARTS)).not.toContain(aging.charts[0]);
    const types = parts.get('[Content_Types].xml') ?? '';
    expect(types).toContain(`<Override PartName="/${aging.charts[0]}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`);
    expect(types).toContain(`<Override PartName="/${aging.drawing}" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`);
    // Every chart and drawing part in the copy is listed once in the content types: no name taken twice.
    for (const name of [...parts.keys()].filter((n) => /^xl\/(charts|drawings)\/[^/]+\.xml$/.test(n) && !(n in USER_PARTS))) {
      expect(types.split(`PartName="/${name}"`)).toHaveLength(2);
    }
  });

  it('hangs the drawing on the Aging sheet, after its page setup as the schema orders them', () => {
    expect(book.worksheets.map((w) => w.name)).toContain('Aging (2)');
    const { sheetPart, drawingId, drawing } = sheetCharts(parts, 'Aging (2)');
    expect(parts.get(sheetPart)).toMatch(new RegExp(`<pageSetup [^>]*/><drawing r:id="${drawingId}"/></worksheet>$`));
    expect(parts.has(drawing)).toBe(true);
  });

  it('draws a stacked bar chart of the top customers by overdue balance, one series per overdue bucket, pointing at the block of formulas on their table rows', () => {
    const chart = readChart(parts.get(sheetCharts(parts, 'Aging (2)').charts[0]) ?? '');
    expect(chart.kinds).toEqual(['barChart']);
    expect([chart.barDir, chart.grouping, chart.overlap]).toEqual(['bar', 'stacked', '100']);
    // The largest on top: categories last to first, the value axis crossing at the last, bottom one.
    expect(chart.categories).toEqual({ orientation: 'maxMin', crosses: 'max' });
    expect(chart.title).toBe(TITLE);
    const aging = book.getWorksheet('Aging (2)') as ExcelJS.Worksheet;
    const cellValues = (formula: string): ExcelJS.CellValue[] => {
      const { sheet, cells } = cellsOf(formula);
      expect(sheet).toBe('Aging (2)');
      return cells.map((c) => shown(aging.getCell(c).value));
    };
    expect(chart.series.map((s) => [s.tx, s.cat, s.val])).toEqual(['C', 'D', 'E', 'F', 'G'].map((col) => [`'Aging (2)'!$${col}$8`, "'Aging (2)'!$B$9:$B$10", `'Aging (2)'!$${col}$9:$${col}$10`]));
    expect(chart.series.map((s) => cellValues(s.tx)[0])).toEqual(Object.keys(EXPECTED));
    const sheetXml = parts.get(sheetCharts(parts, 'Aging (2)').sheetPart) ?? '';
    for (const s of chart.series) {
      expect(cellValues(s.cat)).toEqual([NAME_2, NAME_1]);
      expect(cellsOf(s.val).cells.map((c) => cachedNumber(sheetXml, c))).toEqual(EXPECTED[String(cellValues(s.tx)[0])]);
    }
    // The charted cells are the table's: C2 is on row 4, C1 on row 3; the block's 1-30 (C) is the table's D, its 31-60 (D) the table's E.
    expect(['B9', 'C9', 'D10', 'H10'].map((c) => formulaOf(aging.getCell(c).value))).toEqual(['IF(B4="",A4,B4)', 'D4', 'E3', 'SUM(C10:G10)']);
    expect([aging.getCell('D4').value, aging.getCell('E3').value, aging.getCell('C3').value]).toEqual([2000, 1000, 500.25]);
    // The user's own sheet named Aging is not where the chart points.
    expect((book.getWorksheet('Aging') as ExcelJS.Worksheet).getCell('A1').value).toBe('my own notes');
  });

  it('opens in LibreOffice: the copy converts to PDF and the chart\'s title is in the text', async () => {
    const profile = pathToFileURL(tmp.file('lo-profile')).href;
    await run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', tmp.dir, out], { timeout: 180_000 });
    await run('pdftotext', ['-layout', tmp.file('out.pdf'), tmp.file('out.txt')]);
    const pages = (await fs.readFile(tmp.file('out.txt'), 'utf8')).split('\f');
    const agingPage = pages.find((p) => p.includes('Accounts receivable aging as of 2024-03-31'));
    expect(agingPage).toContain(TITLE);
  }, 200_000);

  it('clear removes the chart with the Aging sheet and gives back every other part of the input', async () => {
    const cleared = tmp.file('cleared.xlsx');
    const result = await recon('clear', out, '--out', cleared);
    expect(result.err).toEqual([]);
    expect(result.code).toBe(0);
    const back = await readParts(cleared);
    const added = [...back.keys()].filter((n) => !original.has(n));
    // Only the hidden state sheet stays (with its settings and reviews).
    expect(added).toEqual([expect.stringMatching(/^xl\/worksheets\/sheet\d+\.xml$/)]);
    const changed = [...original.keys()].filter((n) => back.get(n) !== original.get(n)).sort();
    expect(changed).toEqual(['[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/workbook.xml']);
    expect(back.get('[Content_Types].xml')).not.toContain('chart');
  });
});

/** Writes `to`: the package `from` with one part's text changed, as another program saving the file might. */
async function withPartEdited(from: string, to: string, part: string, change: (xml: string) => string): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- jszip ships with exceljs; the test edits one part
  const JSZip = require('jszip') as { loadAsync(b: Buffer): Promise<{ file(n: string): { async(t: 'string'): Promise<string> }; file(n: string, d: string): void; generateAsync(o: { type: 'nodebuffer'; compression: 'DEFLATE' }): Promise<Buffer> }> };
  const zip = await JSZip.loadAsync(await fs.readFile(from));
  zip.file(part, change(await zip.file(part).async('string')));
  await fs.writeFile(to, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

describe('part names a content type still claims', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('are not given to the new chart and drawing parts', async () => {
    const input = tmp.file('stale.xlsx');
    const out = tmp.file('stale-out.xlsx');
    await buildInput(input, {});
    // Overrides left behind for parts that are gone (a producer deleted the chart but not its content type).
    const stale = '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/><Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>';
    await withPartEdited(input, input, '[Content_Types].xml', (xml) => xml.replace('</Types>', `${stale}</Types>`));
    expect((await recon('check', input, '--out', out, '--as-of', '2024-03-31')).code).toBe(0);
    const parts = await readParts(out);
    const aging = sheetCharts(parts, 'Aging (2)');
    expect(aging.drawing).not.toBe('xl/drawings/drawing1.xml');
    expect(aging.charts).toHaveLength(1);
    expect(aging.charts[0]).not.toBe('xl/charts/chart1.xml');
    const types = parts.get('[Content_Types].xml') ?? '';
    expect(types.split('PartName="/xl/charts/chart1.xml"')).toHaveLength(2);
    expect(types.split('PartName="/xl/drawings/drawing1.xml"')).toHaveLength(2);
  });
});

describe('the exceljs road (a checked copy changed since by another program)', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('draws the Aging chart again, and does not warn that the old one (on a sheet it rebuilds) is left out', async () => {
    const input = tmp.file('in.xlsx');
    const first = tmp.file('first.xlsx');
    await buildInput(input, {});
    expect((await recon('check', input, '--out', first, '--as-of', '2024-03-31')).code).toBe(0);
    // Someone retitled the chart: the check's parts are no longer what it wrote, so the next check rewrites through exceljs.
    const edited = tmp.file('edited.xlsx');
    const ours = sheetCharts(await readParts(first), 'Aging (2)').charts[0];
    await withPartEdited(first, edited, ours, (xml) => xml.replace(TITLE, 'My title'));

    const second = tmp.file('second.xlsx');
    const result = await recon('check', edited, '--out', second, '--as-of', '2024-03-31');
    expect(result.code).toBe(0);
    expect([...result.out, ...result.err].filter((l) => /leaves out|无法保留/.test(l))).toEqual([]);
    const parts = await readParts(second);
    // No originals kept: this is exceljs' copy, not the part-by-part edit.
    expect(parts.has('recon/manifest.reconpart')).toBe(false);
    const chartNames = sheetCharts(parts, 'Aging (2)').charts;
    expect(chartNames).toHaveLength(1);
    const chart = readChart(parts.get(chartNames[0]) ?? '');
    expect(chart.title).toBe(TITLE);
    const aging = (await openXlsx(second)).getWorksheet('Aging (2)') as ExcelJS.Worksheet;
    const values = (formula: string): ExcelJS.CellValue[] => {
      const { sheet, cells } = cellsOf(formula);
      expect(sheet).toBe('Aging (2)');
      return cells.map((c) => shown(aging.getCell(c).value));
    };
    expect(chart.series.map((s) => values(s.tx)[0])).toEqual(Object.keys(EXPECTED));
    const sheetXml = parts.get(sheetCharts(parts, 'Aging (2)').sheetPart) ?? '';
    for (const s of chart.series) expect(cellsOf(s.val).cells.map((c) => cachedNumber(sheetXml, c))).toEqual(EXPECTED[String(values(s.tx)[0])]);
    expect(parts.get('[Content_Types].xml')).toContain(`<Override PartName="/${chartNames[0]}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`);
  });

  it('still warns when a chart of the user\'s is left out', async () => {
    const input = tmp.file('user.xlsx');
    const first = tmp.file('user-1.xlsx');
    await buildInput(input);
    expect((await recon('check', input, '--out', first, '--as-of', '2024-03-31')).code).toBe(0);
    // Our chart retitled: the exceljs road, which cannot carry the user's chart.
    const resaved = tmp.file('user-resaved.xlsx');
    await withPartEdited(first, resaved, sheetCharts(await readParts(first), 'Aging (2)').charts[0], (xml) => xml.replace(TITLE, 'My title'));
    const result = await recon('check', resaved, '--out', tmp.file('user-2.xlsx'), '--as-of', '2024-03-31');
    expect(result.code).toBe(0);
    expect([...result.out, ...result.err].filter((l) => /leaves out/.test(l))).toEqual([expect.stringContaining('(charts)')]);
  });
});

describe('the Aging chart of a workbook with more customers than the chart shows, in the written .xlsx', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());
  /** What C01…C12 buy on 2024-01-01 (Net 30, due 2024-01-31); C01 also buys 10 on 2024-02-15, not yet due then. */
  const BOUGHT = [500, 1200, 300, 50, 700, 200, 1500, 400, 600, 800, 900, 250];
  const ids = BOUGHT.map((_, i) => `C${String(i + 1).padStart(2, '0')}`);

  it('charts the ten largest overdue balances from formulas on exactly their table rows', async () => {
    const input = tmp.file('many.xlsx');
    const out = tmp.file('many-out.xlsx');
    const wb = new ExcelJS.Workbook();
    const customers = wb.addWorksheet('Customers');
    [['Customer ID', 'Customer Name', 'Credit Limit', 'Payment Terms'], ...ids.map((id) => [id, `Name ${id}`, 100000, 'Net 30'])].forEach((r) => customers.addRow(r));
    const sales = wb.addWorksheet('Sales');
    sales.addRow(['Date', 'Document No', 'Customer ID', 'Customer Name', 'Amount']);
    BOUGHT.forEach((amount, i) => sales.addRow([new Date(Date.UTC(2024, 0, 1)), `S${i + 1}`, ids[i], `Name ${ids[i]}`, amount]));
    sales.addRow([new Date(Date.UTC(2024, 1, 15)), 'S13', 'C01', 'Name C01', 10]);
    sales.getColumn(1).numFmt = 'yyyy-mm-dd';
    await wb.xlsx.writeFile(input);
    const result = await recon('check', input, '--out', out, '--as-of', '2024-02-15');
    expect(result.code).toBe(0);
    const parts = await readParts(out);
    const { sheetPart, charts } = sheetCharts(parts, 'Aging');
    expect(charts).toHaveLength(1);
    const chart = readChart(parts.get(charts[0]) ?? '');
    expect([chart.title, chart.grouping]).toEqual(['Top 10 customers by overdue balance', 'stacked']);
    // Table rows 3–14 (Cxx on row xx + 2), totals 15, blank 16, caption 17, header 18, the ten customers 19–28.
    expect(chart.series.map((s) => [s.tx, s.cat, s.val])).toEqual(['C', 'D', 'E', 'F', 'G'].map((col) => [`'Aging'!$${col}$18`, "'Aging'!$B$19:$B$28", `'Aging'!$${col}$19:$${col}$28`]));
    // Every 2024-01-01 sale is 15 days overdue (1-30). By overdue: C07 1500, C02 1200, C11 900, C10 800,
    // C05 700, C09 600, C01 500 (its 10 not yet due), C08 400, C03 300, C12 250; C06 200 and C04 50 left out.
    const top: [string, number, number][] = [['C07', 9, 1500], ['C02', 4, 1200], ['C11', 13, 900], ['C10', 12, 800], ['C05', 7, 700], ['C09', 11, 600], ['C01', 3, 500], ['C08', 10, 400], ['C03', 5, 300], ['C12', 14, 250]];
    const aging = (await openXlsx(out)).getWorksheet('Aging') as ExcelJS.Worksheet;
    expect(top.map((_, i) => [`B${19 + i}`, `C${19 + i}`, `G${19 + i}`].map((c) => formulaOf(aging.getCell(c).value)))).toEqual(top.map(([, r]) => [`IF(B${r}="",A${r},B${r})`, `D${r}`, `H${r}`]));
    expect(top.map((_, i) => shown(aging.getCell(`B${19 + i}`).value))).toEqual(top.map(([id]) => `Name ${id}`));
    const sheetXml = parts.get(sheetPart) ?? '';
    expect(top.map((_, i) => cachedNumber(sheetXml, `C${19 + i}`))).toEqual(top.map(([, , owed]) => owed));
    expect(top.map((_, i) => cachedNumber(sheetXml, `G${19 + i}`))).toEqual(top.map(() => 0));
    // The table is every customer in sheet order, C07's 1,500 still in its 1-30 column.
    expect(ids.map((_, i) => aging.getCell(`A${3 + i}`).value)).toEqual(ids);
    expect(aging.getCell('D9').value).toBe(1500);
  });
});

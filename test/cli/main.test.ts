import ExcelJS from 'exceljs';
import { spawnSync } from 'child_process';
import { promises as fs, writeFileSync } from 'fs';
import * as path from 'path';
import { CellValue, SheetGrid } from '../../src/core/model/cells';
import { dayFromISO } from '../../src/core/model/dates';
import { FINDING_CODES } from '../../src/core/model/findings';
import { Report } from '../../src/core/output/report';
import { STATE_SHEET } from '../../src/core/output/workbook-state';
import { listPackageParts } from '../../src/xlsx/package-parts';
import { openXlsx, readParts, recon, tempDir, writeGrids } from './cli-helpers';

const d = (iso: string): number => dayFromISO(iso) as number;

const CUSTOMERS: SheetGrid = {
  name: 'Customers',
  rows: [
    ['Customer ID', 'Customer Name', 'Credit Limit', 'Payment Terms'],
    ['C001', 'Acme Trading Co', 50000, 'Net 30'],
    ['C002', 'Blue River Ltd', 20000, '月结30天'],
  ],
};

/** A sales sheet with an error cell, a merged note row, and hostile text in Product. */
function salesWithTraps(): SheetGrid {
  const rows: CellValue[][] = [
    ['Date', 'Document No', 'Customer ID', 'Customer Name', 'Product', 'Quantity', 'Unit Price', 'Amount', 'Tax Rate', 'Tax', 'Total'],
    [d('2024-03-01'), 'INV-001', 'C001', 'Acme Trading Co', '=HYPERLINK("http://x","y")', 10, 12, 120, 0.13, 15.6, 135.6],
    [d('2024-03-02'), 'INV-002', 'C002', 'Blue River Ltd', 'Widget', 5, 20, { error: '#N/A' }, 0.13, 13, 113],
    [d('2024-03-03'), 'INV-003', 'C001', 'Acme Trading Co', '+SUM(A1:A2)', 1, 50, 50, 0.13, 6.5, 56.5],
    ['Note: March sales', null, null, null, null, null, null, null, null, null, null],
  ];
  return { name: 'Sales', rows, merged: ['A5:E5'] };
}

describe('recon check: input it cannot read', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('refuses a file that is not a workbook with one line and exit 1', async () => {
    const file = tmp.file('notes.xlsx');
    writeFileSync(file, 'Customer,Amount\nC001,100\n');
    const run = await recon('check', file, '--out', tmp.file('never.xlsx'));
    expect(run.code).toBe(1);
    expect(run.err).toHaveLength(1);
    expect(run.err[0]).toMatch(/cannot read ".*notes\.xlsx": not an \.xlsx workbook; save it from your spreadsheet program as \.xlsx \/ 无法读取/);
    expect(run.out).toEqual([]);
    await expect(fs.stat(tmp.file('never.xlsx'))).rejects.toThrow();
  });

  it('refuses a zip that is not a workbook', async () => {
    const file = tmp.file('broken.xlsx');
    // A zip local-file header followed by garbage.
    writeFileSync(file, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]));
    const run = await recon('check', file);
    expect(run.code).toBe(1);
    expect(run.err).toHaveLength(1);
    expect(run.err[0]).toContain('the file is a damaged zip package, not a readable workbook; open it in Excel, let Excel repair it, and save it as .xlsx / ');
  });

  it.each([
    ['a missing file', 'missing.xlsx', 'no such file'],
    ['an empty file', 'empty.xlsx', 'the file is empty'],
    ['a legacy .xls', 'old.xls', 'it is a legacy Excel 97-2003 workbook (.xls); open it in Excel and save it as .xlsx'],
    ['a folder', 'folder', 'it is a folder, not a file'],
    ['an Excel 4.0 worksheet', 'excel4.xls', 'it is an Excel 2.x–4.0 worksheet (.xls) from before Excel 97; open it in Excel or LibreOffice and save it as .xlsx'],
  ])('refuses %s', async (_label, name, reason) => {
    if (name === 'empty.xlsx') writeFileSync(tmp.file(name), '');
    if (name === 'old.xls') writeFileSync(tmp.file(name), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    if (name === 'excel4.xls') writeFileSync(tmp.file(name), Buffer.from([0x09, 0x04, 0x06, 0x00, 0x00, 0x00, 0x10, 0x00, 0x0a, 0x00, 0x00, 0x00]));
    if (name === 'folder') await fs.mkdir(tmp.file(name), { recursive: true });
    const run = await recon('check', tmp.file(name));
    expect(run.code).toBe(1);
    expect(run.err).toHaveLength(1);
    expect(run.err[0]).toContain(reason);
  });

  it.each<[string, string[], string]>([
    ['no command', [], 'no command given'],
    ['an unknown command', ['audit', 'x.xlsx'], 'unknown command "audit"'],
    ['no input', ['check'], 'no input workbook given'],
    ['an unknown option', ['check', 'x.xlsx', '--fast'], 'unknown option "--fast"'],
    ['a missing option value', ['check', 'x.xlsx', '--out'], 'option --out needs a value'],
    ['an impossible as-of date', ['check', 'x.xlsx', '--as-of', '2024-02-30'], '--as-of must be a real date'],
    ['a language it does not speak', ['check', 'x.xlsx', '--lang', 'fr'], '--lang must be en or zh'],
    ['two inputs', ['check', 'a.xlsx', 'b.xlsx'], 'unexpected argument "b.xlsx"'],
  ])('refuses %s with exit 2 and the usage', async (_label, argv, reason) => {
    const run = await recon(...argv);
    expect(run.code).toBe(2);
    expect(run.err[0]).toContain(reason);
    expect(run.err[1]).toMatch(/^usage: recon check <in\.xlsx>/);
  });

  it('says when it cannot write the output, with exit 1', async () => {
    const input = tmp.file('ok.xlsx');
    await writeGrids(input, [CUSTOMERS]);
    await fs.mkdir(tmp.file('a-folder.json'), { recursive: true });
    const run = await recon('check', input, '--json', tmp.file('a-folder.json'));
    expect(run.code).toBe(1);
    expect(run.err).toHaveLength(1);
    expect(run.err[0]).toContain('cannot write');
  });
});

describe('recon check: workbooks it can read', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('runs on an empty workbook: exit 0, says there is nothing to check, writes an empty report', async () => {
    const input = tmp.file('empty-book.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1');
    await wb.xlsx.writeFile(input);
    const json = tmp.file('empty-report.json');
    const run = await recon('check', input, '--json', json, '--as-of', '2024-03-31');
    expect(run.code).toBe(0);
    expect(run.err).toEqual([]);
    expect(run.out.join('\n')).toContain('No template sheet recognised');
    expect(run.out.join('\n')).toContain('未识别到模板工作表');
    const report = JSON.parse(await fs.readFile(json, 'utf8')) as Report;
    expect(report).toEqual({
      asOf: '2024-03-31', sheets: [], findings: [], matches: [], customers: [],
      skippedChecks: [], unrecognisedSheets: [], asOfSource: 'settings', columnMap: {},
    });
  });

  it('writes the input unchanged with --out when no template sheet is recognised, and says why', async () => {
    const input = tmp.file('plain-book.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Notes').getCell('A1').value = 'shopping list';
    await wb.xlsx.writeFile(input);
    const out = tmp.file('plain-book-out.xlsx');
    const run = await recon('check', input, '--out', out);
    expect(run.code).toBe(0);
    expect(run.out).toContain(`No template sheet recognised, so nothing was added: ${out} is a copy of the input, unchanged / 未识别到模板工作表，未作任何添加：${out} 是输入文件的原样副本`);
    expect(await fs.readFile(out)).toEqual(await fs.readFile(input));
  });

  it('refuses a workbook with no worksheet at all: never a success', async () => {
    const input = tmp.file('no-sheets.xlsx');
    await new ExcelJS.Workbook().xlsx.writeFile(input);
    const run = await recon('check', input, '--out', tmp.file('no-sheets-out.xlsx'));
    expect(run.code).toBe(1);
    expect(run.err).toEqual([expect.stringContaining('it holds no worksheet with cells (only chart sheets, or none), so there is nothing to check / ')]);
    await expect(fs.stat(tmp.file('no-sheets-out.xlsx'))).rejects.toThrow();
  });

  it('survives a sheet that reaches row 1,048,576 and keeps its last cell', async () => {
    const input = tmp.file('tall.xlsx');
    // exceljs' streaming writer shifts a sparse row array per commit (quadratic on a jump to the last
    // row), so the ordinary writer makes this file: a header and one value in the last row Excel has.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sales');
    ws.addRow(['Date', 'Document No', 'Customer ID', 'Amount']);
    ws.getCell('A1048576').value = 'last row';
    await wb.xlsx.writeFile(input);
    const out = tmp.file('tall-out.xlsx');
    const run = await recon('check', input, '--out', out, '--as-of', '2024-03-31');
    expect(run.err).toEqual([]);
    expect(run.code).toBe(0);
    const book = await openXlsx(out);
    const sales = book.getWorksheet('Sales');
    expect(sales?.getCell('A1048576').value).toBe('last row');
    expect(sales?.getCell('B1').value).toBe('Document No');
  });

  it('reads error cells, merged cells and formula-looking text without harm, and writes them back unchanged', async () => {
    const input = tmp.file('traps.xlsx');
    await writeGrids(input, [CUSTOMERS, salesWithTraps()]);
    const out = tmp.file('traps-out.xlsx');
    const json = tmp.file('traps.json');
    const run = await recon('check', input, '--out', out, '--json', json, '--as-of', '2024-03-31', '--lang', 'en');
    expect(run.err).toEqual([]);
    expect(run.code).toBe(0);

    const book = await openXlsx(out);
    const sales = book.getWorksheet('Sales');
    if (!sales) throw new Error('Sales sheet lost');
    for (const [addr, text] of [['E2', '=HYPERLINK("http://x","y")'], ['E4', '+SUM(A1:A2)']]) {
      const cell = sales.getCell(addr);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(text);
      expect(cell.formula).toBeUndefined();
    }
    expect(sales.getCell('H3').value).toEqual({ error: '#N/A' });
    expect(sales.getCell('A5').value).toBe('Note: March sales');
    expect(sales.getCell('A5').isMerged).toBe(true);
    expect(sales.getCell('C5').master.address).toBe('A5');
    expect(book.getWorksheet(STATE_SHEET)?.state).toBe('veryHidden');
    expect(book.getWorksheet('Findings')).toBeDefined();

    const report = JSON.parse(await fs.readFile(json, 'utf8')) as Report;
    expect(report.sheets).toEqual([
      expect.objectContaining({ name: 'Customers', template: 'customers', rows: 2 }),
      expect.objectContaining({ name: 'Sales', template: 'sales', rows: expect.any(Number) }),
    ]);
  });

  it('writes the JSON report in the shape DESIGN.md fixes', async () => {
    const input = tmp.file('shape.xlsx');
    await writeGrids(input, [CUSTOMERS, salesWithTraps()]);
    const json = tmp.file('shape.json');
    const run = await recon('check', input, '--json', json, '--as-of', '2024-03-31');
    expect(run.code).toBe(0);
    const report = JSON.parse(await fs.readFile(json, 'utf8')) as Record<string, unknown>;
    // DESIGN.md's keys first, in order; the rest extend the contract.
    expect(Object.keys(report)).toEqual([
      'asOf', 'sheets', 'findings', 'matches', 'customers', 'skippedChecks', 'unrecognisedSheets', 'asOfSource', 'columnMap', 'totals',
    ]);
    expect(report.asOf).toBe('2024-03-31');
    const r = report as unknown as Report;
    for (const s of r.sheets) {
      expect(Object.keys(s).slice(0, 3)).toEqual(['name', 'template', 'rows']);
      expect(typeof s.name).toBe('string');
      expect(Number.isInteger(s.rows)).toBe(true);
    }
    const allowed = ['id', 'code', 'severity', 'sheet', 'cell', 'row', 'message', 'expected', 'actual'];
    for (const f of r.findings) {
      for (const k of Object.keys(f)) expect(allowed).toContain(k);
      expect(FINDING_CODES).toContain(f.code);
      expect(['error', 'warning', 'info']).toContain(f.severity);
      expect(f.cell).toMatch(/^[A-Z]{1,3}\d+$/);
      expect(Number(f.cell.replace(/^[A-Z]+/, ''))).toBe(f.row);
      expect(f.row).toBeGreaterThanOrEqual(1);
      if (f.expected !== undefined) expect(typeof f.expected).toBe('string');
      if (f.actual !== undefined) expect(typeof f.actual).toBe('string');
    }
    for (const m of r.matches) {
      expect(['sales~statement', 'receipts~statement', 'receipts~sales']).toContain(m.pair);
      expect(m.difference).toMatch(/^-?\d+(\.\d+)?$/);
      for (const ref of [...m.ours, ...m.theirs]) expect(ref).toMatch(/^.+!\d+$/);
    }
    for (const c of r.customers) {
      expect(Object.keys(c)).toEqual(expect.arrayContaining(['customerId', 'name', 'balance', 'creditLimit', 'utilization', 'aging', 'overdue', 'rating', 'ratingFactors', 'dso', 'flags']));
      expect(c.ratingFactors?.map((f) => f.factor)).toEqual(['days-late', 'overdue-share', 'oldest-overdue', 'utilization']);
      expect(c.balance).toMatch(/^-?\d+\.\d{2}$/);
      for (const v of Object.values(c.aging)) expect(v).toMatch(/^-?\d+\.\d{2}$/);
    }
  });

  it('prints a bilingual summary and keeps review decisions across runs of its own output', async () => {
    const input = tmp.file('review.xlsx');
    await writeGrids(input, [CUSTOMERS, salesWithTraps()]);
    const first = tmp.file('review-1.xlsx');
    const run = await recon('check', input, '--out', first, '--as-of', '2024-03-31');
    expect(run.code).toBe(0);
    expect(run.out[0]).toBe('Checked review.xlsx (as of 2024-03-31) / 已检查 review.xlsx（截止 2024-03-31）');
    expect(run.out.some((l) => /^Findings: \d+ errors, \d+ warnings, \d+ info \/ 问题：错误 \d+，警告 \d+，提示 \d+$/.test(l))).toBe(true);
    expect(run.out).toContain('  Customers: Customers, 2 rows / 客户档案，2 行');

    // A reviewer accepts the first finding in the written file.
    const reviewed = await openXlsx(first);
    const findings = reviewed.getWorksheet('Findings');
    if (!findings) throw new Error('no Findings sheet');
    const header = findings.getColumn(1).values.findIndex((v) => v === '#');
    const firstRow = findings.getRow(header + 1);
    const id = firstRow.getCell(13).value;
    expect(typeof id).toBe('string');
    firstRow.getCell(9).value = 'Accepted';
    firstRow.getCell(10).value = 'Li Na';
    await reviewed.xlsx.writeFile(first);

    // Re-running on its own output keeps the decision and does not stack sheets or highlights.
    const second = tmp.file('review-2.xlsx');
    expect((await recon('check', first, '--out', second, '--as-of', '2024-03-31')).code).toBe(0);
    const book = await openXlsx(second);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Customers', 'Sales', 'Findings', 'Aging', 'Credit', 'Sales Summary', 'Statement – C001', 'Statement – C002', 'Audit Log', STATE_SHEET]);
    const again = book.getWorksheet('Findings');
    const row = again?.getColumn(13).values.findIndex((v) => v === id) ?? -1;
    expect(row).toBeGreaterThan(0);
    expect(again?.getRow(row).getCell(9).value).toBe('Accepted');
    expect(again?.getRow(row).getCell(10).value).toBe('Li Na');
  });

  it('clears its own highlights and sheets with recon clear', async () => {
    const input = tmp.file('clear.xlsx');
    await writeGrids(input, [CUSTOMERS, salesWithTraps()]);
    const checked = tmp.file('clear-checked.xlsx');
    expect((await recon('check', input, '--out', checked)).code).toBe(0);
    const cleared = tmp.file('clear-cleared.xlsx');
    const run = await recon('clear', checked, '--out', cleared);
    expect(run.code).toBe(0);
    const book = await openXlsx(cleared);
    expect(book.worksheets.filter((w) => w.state === 'visible').map((w) => w.name)).toEqual(['Customers', 'Sales']);
    book.getWorksheet('Sales')?.eachRow((row) => row.eachCell((cell) => expect(cell.note).toBeUndefined()));
  });

  it('runs as a real command through bin/recon.cjs', () => {
    const input = tmp.file('sub.xlsx');
    return writeGrids(input, [CUSTOMERS]).then(() => {
      const ok = spawnSync(process.execPath, [path.join(__dirname, '../../bin/recon.cjs'), 'check', input, '--json', tmp.file('sub.json')], { encoding: 'utf8' });
      expect(ok.status).toBe(0);
      expect(ok.stdout).toContain('Checked sub.xlsx');
      const bad = spawnSync(process.execPath, [path.join(__dirname, '../../bin/recon.cjs'), 'check', tmp.file('nope.xlsx')], { encoding: 'utf8' });
      expect(bad.status).toBe(1);
      expect(bad.stderr.trim().split('\n')).toHaveLength(1);
      expect(bad.stdout).toBe('');
      // The TypeScript sources (the road taken when build/cli is missing or older than a source) say the same.
      const fromSource = spawnSync(process.execPath, [path.join(__dirname, '../../bin/recon.cjs'), 'check', tmp.file('nope.xlsx')], { encoding: 'utf8', env: { ...process.env, RECON_FROM_SOURCE: '1' } });
      expect(fromSource.status).toBe(1);
      expect(fromSource.stderr).toBe(bad.stderr);
    });
  });

  it('keeps charts and pivot tables in the copy byte for byte, without a warning', async () => {
    const input = tmp.file('with-chart.xlsx');
    await writeGrids(input, [CUSTOMERS]);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- jszip ships with exceljs; only the test edits a package
    const JSZip = require('jszip') as { loadAsync(b: Buffer): Promise<{ file(n: string, d: string): void; generateAsync(o: { type: 'nodebuffer' }): Promise<Buffer> }> };
    const zip = await JSZip.loadAsync(await fs.readFile(input));
    zip.file('xl/charts/chart1.xml', '<c:chartSpace/>');
    zip.file('xl/pivotTables/pivotTable1.xml', '<pivotTableDefinition/>');
    await fs.writeFile(input, await zip.generateAsync({ type: 'nodebuffer' }));
    expect(await listPackageParts(input)).toEqual(expect.arrayContaining(['xl/workbook.xml', 'xl/charts/chart1.xml']));

    const out = tmp.file('with-chart-out.xlsx');
    const run = await recon('check', input, '--out', out);
    expect(run.code).toBe(0);
    expect(run.err).toEqual([]);
    const copy = await readParts(out);
    expect(copy.get('xl/charts/chart1.xml')).toBe('<c:chartSpace/>');
    expect(copy.get('xl/pivotTables/pivotTable1.xml')).toBe('<pivotTableDefinition/>');
  });

  it.each<[string, (input: string) => Promise<string>]>([
    ['the same path', async (input) => input],
    ['the same path spelled differently', async (input) => path.join(path.dirname(input), '.', path.basename(input))],
    ['a link to it', async (input) => {
      const link = `${input}.link.xlsx`;
      await fs.symlink(input, link);
      return link;
    }],
    ['a hard link to it', async (input) => {
      const link = `${input}.hard.xlsx`;
      await fs.link(input, link);
      return link;
    }],
  ])('refuses --out naming the input (%s) and leaves the input untouched', async (label, target) => {
    const input = tmp.file(`in-place-${label.replace(/\W+/g, '-')}.xlsx`);
    await writeGrids(input, [CUSTOMERS, salesWithTraps()]);
    const before = await fs.readFile(input);
    const out = await target(input);
    for (const argv of [['check', input, '--out', out], ['check', input, '--json', out], ['clear', input, '--out', out]]) {
      const run = await recon(...argv);
      expect(run.code).toBe(1);
      expect(run.err).toEqual([`recon: cannot write "${out}": it is the input workbook, which is never changed; name another file / 无法写入“${out}”：这是输入工作簿，输入文件不会被改动，请另选文件名`]);
    }
    expect(await fs.readFile(input)).toEqual(before);
  });

  it('prints the usage for --help', async () => {
    const run = await recon('--help');
    expect(run.code).toBe(0);
    expect(run.out[0]).toMatch(/^usage: recon check/);
    expect(run.out[1]).toMatch(/^用法/);
  });
});

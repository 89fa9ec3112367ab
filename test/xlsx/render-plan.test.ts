import ExcelJS from 'exceljs';
import { dayFromISO } from '../../src/core/model/dates';
import { Finding, findingId } from '../../src/core/model/findings';
import { Plan, SEVERITY_FILL } from '../../src/core/output/plan';
import { buildPlan } from '../../src/core/output/plan-build';
import { resolveSettings } from '../../src/core/model/settings';
import { STATE_SHEET } from '../../src/core/output/workbook-state';
import { readWorkbookContents } from '../../src/xlsx/read-workbook';
import { clearAnnotations, renderPlan } from '../../src/xlsx/render-plan';
import { readState } from '../../src/xlsx/state-sheet';
import { lookOf, roundTrip, sheet, sheetXml } from './helpers';

const asOf = dayFromISO('2024-03-31') as number;
const settings = resolveSettings({ lang: 'en', asOf });

function f(code: Finding['code'], severity: Finding['severity'], cell: string, message: string, sheetName = 'Sales'): Finding {
  return { id: findingId(code, sheetName, cell, code), code, severity, sheet: sheetName, cell, row: Number(cell.slice(1)), message };
}

/** A user's workbook with pre-formatted cells: a solid fill + red font + note, a theme fill + rich note, a plain cell. */
function userWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const sales = wb.addWorksheet('Sales');
  sales.addRow(['Date', 'Document No', 'Customer ID', 'Amount']);
  sales.addRow(['2024-03-01', 'INV-1', 'C001', 100]);
  sales.addRow(['2024-03-02', 'INV-2', 'C002', 200]);
  const b2 = sales.getCell('B2');
  b2.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  b2.font = { name: 'Arial', size: 10, bold: true, color: { argb: 'FFFF0000' } };
  b2.note = 'checked by Anna';
  const c2 = sales.getCell('C2');
  c2.fill = { type: 'pattern', pattern: 'darkGrid', fgColor: { theme: 4, tint: 0.4 } as unknown as ExcelJS.Color, bgColor: { indexed: 64 } as unknown as ExcelJS.Color };
  c2.font = { italic: true, color: { theme: 1 } as ExcelJS.Color };
  c2.note = { texts: [{ font: { bold: true }, text: 'Anna:' }, { text: '\nask sales' }] };
  // The user's own sheet called "Findings": the add-in must never take it over.
  const own = wb.addWorksheet('Findings');
  own.addRow(['My notes']);
  own.addRow(['call customer C002']);
  return wb;
}

function planFor(findings: Finding[]): Plan {
  return buildPlan(findings, [], settings, new Map());
}

describe('rendering a plan into an .xlsx', () => {
  const first = [
    f('amount-calc', 'error', 'D2', 'Amount 100.00 ≠ Quantity × Unit Price = 120.00'),
    f('name-mismatch', 'warning', 'B2', 'Customer name differs'),
    f('duplicate', 'error', 'B2', 'Document No INV-1 appears twice'),
    f('unknown-customer', 'warning', 'C2', 'Customer C001 is not in Customers'),
    f('type', 'error', 'A1', 'On a sheet that does not exist', 'Nowhere'),
  ];

  it('highlights flagged cells, adds the Findings sheet beside the user\'s own "Findings", and links each finding to its cell', async () => {
    const original = await roundTrip(userWorkbook());
    const summary = renderPlan(original, planFor(first));
    expect(summary.markedCells).toBe(3);
    expect(summary.skippedMarks).toBe(1);
    const out = await roundTrip(original);

    const sales = sheet(out, 'Sales');
    expect(sales.getCell('D2').fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${SEVERITY_FILL.error}` } });
    // Each note line starts with the finding's number on the Findings sheet.
    expect(sales.getCell('D2').note).toBe('#1 [error] amount-calc: Amount 100.00 ≠ Quantity × Unit Price = 120.00');
    expect((sales.getCell('B2').fill as ExcelJS.FillPattern).fgColor?.argb).toBe(`FF${SEVERITY_FILL.error}`);
    expect(sales.getCell('B2').note).toBe('#2 [warning] name-mismatch: Customer name differs\n#3 [error] duplicate: Document No INV-1 appears twice');
    expect(sales.getCell('B2').font?.bold).toBe(true);
    expect((sales.getCell('C2').fill as ExcelJS.FillPattern).fgColor?.argb).toBe(`FF${SEVERITY_FILL.warning}`);
    // Unflagged cells and values stay as they were.
    expect(sales.getCell('B3').fill).toBeUndefined();
    expect(sales.getCell('B3').note).toBeUndefined();
    expect(sales.getRow(2).values).toEqual([undefined, '2024-03-01', 'INV-1', 'C001', 100]);

    const own = sheet(out, 'Findings');
    expect(own.getCell('A2').value).toBe('call customer C002');
    expect(summary.ownedSheets).toEqual([{ key: 'findings', name: 'Findings (2)' }]);
    const findings = sheet(out, 'Findings (2)');
    const header = findings.getColumn(1).values.findIndex((v) => v === '#');
    expect(header).toBeGreaterThan(1);
    const rowOfD2 = findings.getRow(header + 1);
    expect(rowOfD2.getCell(3).value).toBe('amount-calc');
    expect(rowOfD2.getCell(5).value).toEqual({ text: 'D2', hyperlink: "#'Sales'!D2" });
    const xml = await sheetXml(out, 'Findings (2)');
    expect(xml).toContain(`<hyperlink ref="E${header + 1}" location="&apos;Sales&apos;!D2"/>`);
    expect(xml).not.toMatch(/<hyperlink [^>]*r:id=/);

    expect(sheet(out, STATE_SHEET).state).toBe('veryHidden');
    expect(out.worksheets.map((w) => w.name)).toEqual(['Sales', 'Findings', 'Findings (2)', STATE_SHEET]);
  });

  it('restores the original fills, fonts and notes exactly before the next run and on clear', async () => {
    const baseline = await roundTrip(userWorkbook());
    const before = ['B2', 'C2', 'D2', 'D3'].map((a) => lookOf(sheet(baseline, 'Sales').getCell(a)));

    const annotated = await roundTrip(baseline);
    renderPlan(annotated, planFor(first));
    const once = await roundTrip(annotated);

    // Second run: only D3 is wrong now. B2, C2 and D2 must look as the user left them.
    const summary = renderPlan(once, planFor([f('amount-calc', 'error', 'D3', 'Amount wrong')]));
    expect(summary.restoredCells).toBe(3);
    const twice = await roundTrip(once);
    const sales = sheet(twice, 'Sales');
    expect(lookOf(sales.getCell('B2'))).toEqual(before[0]);
    expect(lookOf(sales.getCell('C2'))).toEqual(before[1]);
    expect(lookOf(sales.getCell('D2'))).toEqual(before[2]);
    expect(sales.getCell('D3').note).toBe('#1 [error] amount-calc: Amount wrong');
    expect(twice.worksheets.map((w) => w.name)).toEqual(['Sales', 'Findings', 'Findings (2)', STATE_SHEET]);

    const cleared = clearAnnotations(twice);
    expect(cleared.restoredCells).toBe(1);
    const clean = await roundTrip(twice);
    const after = ['B2', 'C2', 'D2', 'D3'].map((a) => lookOf(sheet(clean, 'Sales').getCell(a)));
    expect(after).toEqual(before);
    expect(clean.worksheets.filter((w) => w.state === 'visible').map((w) => w.name)).toEqual(['Sales', 'Findings']);
    expect(sheet(clean, 'Findings').getCell('A1').value).toBe('My notes');
    expect(readState(clean).state.ownedSheets).toEqual([]);
  });

  it('writes every string as text, even one that looks like a formula', async () => {
    const hostile = ['=HYPERLINK("http://x","y")', '+1+1', '-2', '@SUM(A1)', '=1+1'];
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Data').addRow(['x']);
    renderPlan(wb, {
      marks: [],
      sheets: [{ key: 'reconciliation', name: 'Reconciliation', columns: [{ header: '=Header' }, { header: 'Amount', format: 'money' }, { header: 'Date', format: 'date' }],
        rows: hostile.map((s, i) => [s, { money: i === 0 ? '12345678901234567.89' : '1234.50' }, { date: asOf }]) }],
    });
    const out = await roundTrip(wb);
    const ws = sheet(out, 'Reconciliation');
    expect(ws.getCell('A1').value).toBe('=Header');
    hostile.forEach((s, i) => {
      const cell = ws.getCell(`A${i + 2}`);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(s);
      expect(cell.formula).toBeUndefined();
    });
    expect(ws.getCell('B3').value).toBe(1234.5);
    expect(ws.getCell('B3').numFmt).toBe('#,##0.00');
    // More digits than a double keeps: the exact decimal as text rather than a rounded number.
    expect(ws.getCell('B2').value).toBe('12345678901234567.89');
    expect(ws.getCell('C2').value).toEqual(new Date(Date.UTC(2024, 2, 31)));
    expect(ws.getCell('C2').numFmt).toBe('yyyy-mm-dd');
    const xml = await sheetXml(out, 'Reconciliation');
    expect(xml).not.toContain('<f>');
  });

  it('gives the owned sheets names Excel accepts and no user sheet has', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Statement – ACME');
    renderPlan(wb, {
      marks: [],
      sheets: [
        { key: 'statement', name: 'Statement – ACME', columns: [{ header: 'x' }], rows: [] },
        { key: 'statement', name: 'Statement – A/B: C*D? [long name that goes on]', columns: [{ header: 'x' }], rows: [] },
      ],
    });
    const names = (await roundTrip(wb)).worksheets.map((w) => w.name);
    expect(names[0]).toBe('Statement – ACME');
    expect(names[1]).toBe('Statement – ACME (2)');
    expect(names[2]).toBe('Statement – A-B- C-D- -long nam');
    expect(names[2].length).toBeLessThanOrEqual(31);
  });

  it('reads back the reviews a reviewer typed on the Findings sheet, and skips the add-in sheets when reading', async () => {
    const wb = await roundTrip(userWorkbook());
    const findings = [f('amount-calc', 'error', 'D2', 'Amount wrong')];
    renderPlan(wb, planFor(findings));
    const saved = await roundTrip(wb);
    const ws = sheet(saved, 'Findings (2)');
    const header = ws.getColumn(1).values.findIndex((v) => v === '#');
    ws.getRow(header + 1).getCell(9).value = 'Explained';
    ws.getRow(header + 1).getCell(10).value = 'Li Na';
    ws.getRow(header + 1).getCell(12).value = '=agreed with customer';
    const contents = readWorkbookContents(await roundTrip(saved));
    expect(contents.grids.map((g) => g.name)).toEqual(['Sales', 'Findings']);
    expect(contents.reviews.get(findings[0].id)).toMatchObject({ status: 'explained', reviewer: 'Li Na', comment: '=agreed with customer' });
  });

  it('keeps a user\'s whole-column drop-down as one range through a run (no million-cell expansion)', async () => {
    const wb = userWorkbook();
    const sales = sheet(wb, 'Sales');
    (sales as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }).dataValidations.add('E2:E1048576', {
      type: 'list', allowBlank: true, formulae: ['"13%,9%,6%"'],
    });
    const loaded = await roundTrip(wb);
    const model = (sheet(loaded, 'Sales') as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model;
    expect(Object.keys(model)).toEqual(['E2:E1048576']);
    renderPlan(loaded, planFor(first));
    const xml = await sheetXml(loaded, 'Sales');
    expect(xml).toMatch(/<dataValidation type="list" allowBlank="1" sqref="E2:E1048576"><formula1>&quot;13%,9%,6%&quot;<\/formula1>/);
  });
});

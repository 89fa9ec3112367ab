import { checkChangedRows } from '../../../src/core/validation/changed-rows';
import { resolveSettings } from '../../../src/core/model/settings';
import { recognizeSheets } from '../../../src/core/templates/header-recognition';
import { CellValue } from '../../../src/core/model/cells';

const HEADER: CellValue[] = ['Date', 'Document No', 'Invoice No', 'Customer ID', 'Customer Name', 'Amount', 'Tax Rate', 'Tax', 'Total'];
const GOOD: CellValue[] = [45300, 'D1', null, 'C1', 'Acme', 100, 0.13, 13, 113];

function mapping() {
  const [m] = recognizeSheets([{ name: 'Sales', rows: [HEADER, GOOD, [...GOOD.slice(0, 1), 'D2', ...GOOD.slice(2)]] }], resolveSettings());
  return m;
}

describe('checking only the changed rows', () => {
  it('flags a row far down the sheet at its real address', () => {
    const bad: CellValue[] = [45300, 'D9', null, 'C1', 'Acme', 'abc', 0.13, 13, 113];
    const findings = checkChangedRows(mapping(), [HEADER], [{ row: 150_000, cells: bad }], resolveSettings());
    expect(findings.map((f) => [f.code, f.cell, f.row])).toEqual([['type', 'F150000', 150000]]);
  });

  it('a fixed row gives no finding; a blank required cell and a wrong total do', () => {
    const s = resolveSettings({ lang: 'zh' });
    expect(checkChangedRows(mapping(), [HEADER], [{ row: 7, cells: GOOD }], s)).toEqual([]);
    const rows = [
      { row: 7, cells: [45300, null, null, 'C1', 'Acme', 100, 0.13, 13, 113] },
      { row: 9, cells: [45300, 'D3', null, 'C1', 'Acme', 100, 0.13, 13, 114] },
    ];
    const got = checkChangedRows(mapping(), [HEADER], rows, s).map((f) => [f.code, f.cell]);
    expect(got).toEqual(expect.arrayContaining([['required', 'B7'], ['total-calc', 'I9']]));
    expect(got).toHaveLength(2);
  });

  it('leaves checks that need the rest of the sheet to the full check (no running-balance alarm from one line)', () => {
    const header: CellValue[] = ['Date', 'Reference', 'Description', 'Billed', 'Paid', 'Balance'];
    const [m] = recognizeSheets([{ name: 'Statement', rows: [header, [45300, 'D1', 'Invoice', 100, null, 100], [45301, 'D2', 'Invoice', 50, null, 150]] }], resolveSettings());
    const findings = checkChangedRows(m, [header], [{ row: 40, cells: [45301, 'D9', 'Invoice', 50, null, 9999] }], resolveSettings());
    expect(findings).toEqual([]);
  });
});

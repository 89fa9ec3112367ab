import fc from 'fast-check';
import { columnLetter, parseCellAddress, SheetGrid } from '../../../src/core/model/cells';
import { checkWorkbook } from '../../../src/core/engine';
import { Finding, FindingCode } from '../../../src/core/model/findings';
import { cleanWorkbook, FixtureWorkbook, mistakesWorkbook, VARIANTS } from '../../fixtures/validation-workbooks';

/** The codes validation owns; matching and credit findings are other checks' business. */
const VALIDATION_CODES = new Set<FindingCode>([
  'required', 'type', 'range', 'list', 'pattern', 'duplicate', 'unknown-customer', 'name-mismatch',
  'amount-calc', 'tax-calc', 'total-calc', 'tax-id', 'date-order', 'balance-calc', 'unmapped-column',
]);

function validationFindings(wb: FixtureWorkbook): Finding[] {
  const { report } = checkWorkbook({ sheets: wb.sheets, settings: wb.settings });
  return report.findings.filter((f) => VALIDATION_CODES.has(f.code));
}

const describeFinding = (f: Finding): string => `${f.code} ${f.sheet}!${f.cell} (${f.severity}) ${f.message}`;

describe.each(VARIANTS.map((v) => [v]))('validation acceptance (%s headers)', (variant) => {
  it('finds nothing wrong in the clean workbook', () => {
    const wb = cleanWorkbook(variant);
    const found = validationFindings(wb);
    expect(found.map(describeFinding)).toEqual([]);
    const { report } = checkWorkbook({ sheets: wb.sheets, settings: wb.settings });
    expect(report.sheets.map((s) => [s.name, s.template])).toEqual([
      ['Customers', 'customers'], ['Sales', 'sales'], ['Receipts', 'receipts'], ['Statement', 'statement'],
    ]);
  });

  const wb = mistakesWorkbook(variant);
  const found = validationFindings(wb);

  it.each(wb.expected.map((e) => [e.code, `${e.sheet}!${e.cell}`, e.logical, e]))(
    'reports %s at %s (%s)',
    (_code, _cell, _logical, e) => {
      const hit = found.filter((f) => f.code === e.code && f.sheet === e.sheet && f.cell === e.cell);
      expect(hit.map(describeFinding)).toHaveLength(1);
      expect(hit[0].message).not.toMatch(/\{\w+\}/);
    },
  );

  it('reports no error or warning that was not injected, and the unmapped columns as info', () => {
    const expectedKeys = new Set(wb.expected.map((e) => `${e.code} ${e.sheet}!${e.cell}`));
    const unexpected = found.filter((f) => !expectedKeys.has(`${f.code} ${f.sheet}!${f.cell}`));
    expect(unexpected.map(describeFinding)).toEqual([]);
    expect(found.filter((f) => f.code === 'unmapped-column').every((f) => f.severity === 'info')).toBe(true);
  });

  it('injects at least two mistakes of every validation code', () => {
    for (const code of VALIDATION_CODES) expect([code, wb.expected.filter((e) => e.code === code).length >= 2]).toEqual([code, true]);
  });

  it('gives every finding a unique id, a row matching its cell, and expected/actual for calculations', () => {
    expect(new Set(found.map((f) => f.id)).size).toBe(found.length);
    for (const f of found) expect(f.cell.endsWith(String(f.row))).toBe(true);
    for (const f of found.filter((x) => x.code.endsWith('-calc'))) {
      expect(f.expected).toMatch(/^-?\d+\.\d{2,}$/);
      expect(f.actual).toMatch(/^-?\d+\.\d{2,}$/);
    }
  });
});

describe('the three layouts agree', () => {
  const logical = (wb: FixtureWorkbook): string[] =>
    validationFindings(wb).map((f) => `${f.code} ${wb.logicalCell(f.sheet, f.cell)} ${f.severity} ${f.id}`).sort();

  it('gives the same codes, logical cells and ids with Chinese and CRM-export headers', () => {
    const en = logical(mistakesWorkbook('en'));
    expect(en.length).toBeGreaterThanOrEqual(30);
    expect(logical(mistakesWorkbook('zh'))).toEqual(en);
    expect(logical(mistakesWorkbook('crm'))).toEqual(en);
  });

  it('writes messages in the workbook language', () => {
    const zh = validationFindings(mistakesWorkbook('zh'));
    expect(zh.every((f) => /[\u4e00-\u9fff]/.test(f.message))).toBe(true);
    const en = validationFindings(mistakesWorkbook('en')).filter((f) => f.code === 'amount-calc');
    expect(en[0].message).toContain('Quantity × Unit Price');
  });
});

describe('column order does not matter (property)', () => {
  /** The grid with its columns reordered: new column j holds old column order[j]; merged areas follow. */
  function permute(grid: SheetGrid, order: number[]): SheetGrid {
    const where = new Map(order.map((old, j) => [old, j] as const));
    const rows = grid.rows.map((r) => order.map((old) => (old < r.length ? r[old] : null)));
    const merged = grid.merged?.map((range) => range.split(':').map((a) => {
      const p = parseCellAddress(a);
      return p ? `${columnLetter(where.get(p.col0) ?? p.col0)}${p.row1}` : a;
    }).join(':'));
    return merged ? { name: grid.name, rows, merged } : { name: grid.name, rows };
  }

  /** Findings by code, sheet, row, the header of their column, and id. */
  function byHeader(sheets: SheetGrid[], wb: FixtureWorkbook): string[] {
    const found = checkWorkbook({ sheets, settings: wb.settings }).report.findings.filter((f) => VALIDATION_CODES.has(f.code));
    return found.map((f) => {
      const grid = sheets.find((s) => s.name === f.sheet) as SheetGrid;
      const col = parseCellAddress(f.cell)?.col0 ?? -1;
      return `${f.code} ${f.sheet}!${f.row} [${String(grid.rows[0][col] ?? '')}] ${f.id}`;
    }).sort();
  }

  it('gives the same findings, at the same rows and headers, with the same ids, for any column order', () => {
    const wb = mistakesWorkbook('en');
    const reference = byHeader(wb.sheets, wb);
    const widths = wb.sheets.map((s) => s.rows[0].length);
    fc.assert(fc.property(
      fc.tuple(...widths.map((w) => fc.shuffledSubarray([...Array(w).keys()], { minLength: w, maxLength: w }))),
      (orders) => {
        const sheets = wb.sheets.map((s, i) => permute(s, orders[i]));
        expect(byHeader(sheets, wb)).toEqual(reference);
      },
    ), { numRuns: 12 });
  });
});

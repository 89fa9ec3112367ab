import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { CellValue } from '../../src/core/model/cells';
import { sheetsChangedIn } from '../../src/cli/run-check';
import { gridDigest } from '../../src/xlsx/grid-digest';
import { buildParts, worksheetXml, writePackage } from './package-builder';

const grid = (rows: CellValue[][], merged?: string[]): { name: string; rows: CellValue[][]; merged?: string[] } => (merged ? { name: 'S', rows, merged } : { name: 'S', rows });

describe('gridDigest: the same digest exactly when a reader sees the same sheet', () => {
  it.each<[string, CellValue[][], CellValue[][]]>([
    ['trailing blanks and empty rows add nothing', [[1, 'a']], [[1, 'a', null], [], [null, null]]],
    ['a blank row in between is a blank row', [[1], [], [2]], [[1], [null], [2]]],
    ['-0 reads as 0', [[0]], [[-0]]],
    ['errors by their code', [[{ error: '#N/A' }]], [[{ error: '#N/A' }]]],
  ])('same: %s', (_why, a, b) => {
    expect(gridDigest(grid(a))).toBe(gridDigest(grid(b)));
  });

  it.each<[string, CellValue[][], CellValue[][]]>([
    ['a number against the same text', [[1]], [['1']]],
    ['true against 1', [[true]], [[1]]],
    ['a value moved one column', [[1]], [[null, 1]]],
    ['a value moved one row', [[1]], [[], [1]]],
    ['two cells against their text joined', [['a', 'b']], [['ab']]],
    ['a cell whose text looks like two cells', [['a', 'b']], [['a1sb']]],
    ['another error code', [[{ error: '#N/A' }]], [[{ error: '#REF!' }]]],
    ['an error against its text', [[{ error: '#N/A' }]], [['#N/A']]],
    ['a cent changed', [[1234.5]], [[1234.51]]],
  ])('different: %s', (_why, a, b) => {
    expect(gridDigest(grid(a))).not.toBe(gridDigest(grid(b)));
  });

  it('tells merged areas apart', () => {
    expect(gridDigest(grid([[1]], ['A1:B1']))).not.toBe(gridDigest(grid([[1]])));
    expect(gridDigest(grid([[1]], ['A1:B1']))).toBe(gridDigest(grid([[1]], ['A1:B1'])));
  });
});

describe('sheetsChangedIn: a written copy is compared with the input sheet by sheet', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'recon-digest-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const copy = path.join(dir, 'copy.xlsx');
  beforeAll(async () => {
    await writePackage(copy, buildParts({
      sheets: [
        { name: 'Sales', xml: worksheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>Amount</t></is></c></row><row r="2"><c r="A2"><v>1200</v></c></row>') },
        { name: 'Customers', xml: worksheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>C001</t></is></c></row>') },
      ],
    }));
  });

  it('names no sheet when the copy holds the input\'s values', async () => {
    const before = new Map([['Sales', gridDigest({ name: 'Sales', rows: [['Amount'], [1200]] })], ['Customers', gridDigest({ name: 'Customers', rows: [['C001']] })]]);
    expect(await sheetsChangedIn(copy, before)).toEqual([]);
  });

  it('names the sheet whose value changed, and a sheet the copy lacks', async () => {
    const before = new Map([
      ['Sales', gridDigest({ name: 'Sales', rows: [['Amount'], [1300]] })],
      ['Customers', gridDigest({ name: 'Customers', rows: [['C001']] })],
      ['Receipts', gridDigest({ name: 'Receipts', rows: [['R1']] })],
    ]);
    expect(await sheetsChangedIn(copy, before)).toEqual(['Sales', 'Receipts']);
  });

  it('names every sheet when the copy cannot be read back', async () => {
    const before = new Map([['Sales', 'x'], ['Customers', 'y']]);
    expect(await sheetsChangedIn(path.join(dir, 'missing.xlsx'), before)).toEqual(['Sales', 'Customers']);
  });
});

describe('gridDigest of long texts', () => {
  const long = 'x'.repeat(300);
  it.each<[string, CellValue[][], CellValue[][], boolean]>([
    ['the same long text in two cells', [[long, long]], [[long, `${'x'.repeat(299)}x`]], true],
    ['a long text one character longer', [[long]], [[`${long}x`]], false],
    ['a long text with its last character changed', [[long]], [[`${'x'.repeat(299)}y`]], false],
    ['a long text against a short one', [[long]], [['x']], false],
  ])('%s', (_why, a, b, same) => {
    expect(gridDigest(grid(a)) === gridDigest(grid(b))).toBe(same);
  });
});

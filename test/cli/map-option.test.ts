import { promises as fs } from 'fs';
import { parseArgs } from '../../src/cli/args';
import { Report } from '../../src/core/output/report';
import { SheetGrid } from '../../src/core/model/cells';
import { readState } from '../../src/xlsx/state-sheet';
import { openXlsx, recon, tempDir, writeGrids } from './cli-helpers';

describe('recon check --map', () => {
  it.each<[string[], unknown]>([
    [['--map', 'sales.docNo=Order Ref'], [{ template: 'sales', field: 'docNo', header: 'Order Ref' }]],
    [['--map=Sales.DOCNO=Order Ref', '--map', 'receipts.method='], [
      { template: 'sales', field: 'docNo', header: 'Order Ref' }, { template: 'receipts', field: 'method', header: '' },
    ]],
  ])('parses %p', (args, map) => {
    const parsed = parseArgs(['check', 'in.xlsx', ...args]);
    expect(parsed).toEqual({ ok: true, command: expect.objectContaining({ map }) });
  });

  it.each<[string, RegExp]>([
    ['sales.docNo', /template\.field=Header/],
    ['invoices.docNo=X', /names no template/],
    ['sales.colour=X', /names no field/],
  ])('refuses %p with a reason', (value, why) => {
    const parsed = parseArgs(['check', 'in.xlsx', '--map', value]);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.text.en).toMatch(why);
  });

  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  // An export whose document-number column has a name no dictionary knows, and whose values repeat.
  const sales: SheetGrid = {
    name: 'Sales',
    rows: [
      ['Invoice Date', 'Kennung', 'Customer ID', 'Net Amount', 'VAT Amount', 'Gross Amount'],
      [45356, 'K-1', 'C1', 100, 13, 113],
      [45357, 'K-2', 'C1', 200, 26, 226],
      [45358, 'K-1', 'C1', 300, 39, 339],
    ],
  };

  it('maps the named column, saves the map with --out, and the next run reuses it', async () => {
    const input = tmp.file('map.xlsx');
    await writeGrids(input, [sales]);
    const out = tmp.file('map-out.xlsx');
    const json = tmp.file('map.json');
    const first = await recon('check', input, '--out', out, '--json', json, '--as-of', '2024-03-31', '--map', 'sales.docNo=Kennung');
    expect(first.code).toBe(0);
    const report = JSON.parse(await fs.readFile(json, 'utf8')) as Report;
    expect(report.sheets[0].columns?.find((c) => c.field === 'docNo')).toMatchObject({ column: 'B', source: 'saved' });
    expect(report.findings.filter((f) => f.code === 'duplicate').map((f) => f.cell)).toEqual(['B4']);
    const saved = readState(await openXlsx(out)).state.settings.columnMap;
    expect(saved?.sales?.docNo).toBe('Kennung');

    const json2 = tmp.file('map2.json');
    const second = await recon('check', out, '--json', json2, '--as-of', '2024-03-31');
    expect(second.code).toBe(0);
    const again = JSON.parse(await fs.readFile(json2, 'utf8')) as Report;
    expect(again.sheets[0].columns?.find((c) => c.field === 'docNo')).toMatchObject({ column: 'B', source: 'saved' });
    expect(again.findings.filter((f) => f.code === 'duplicate').map((f) => f.cell)).toEqual(['B4']);
  });

  it('without the map, names the sheet, its closest template and the --map that would enable it', async () => {
    const input = tmp.file('nomap.xlsx');
    await writeGrids(input, [sales]);
    const run = await recon('check', input, '--as-of', '2024-03-31', '--lang', 'en');
    expect(run.code).toBe(0);
    const text = run.out.join('\n');
    expect(text).toContain('Sheets holding data that match no template');
    expect(text).toContain('--map sales.docNo=');
  });
});

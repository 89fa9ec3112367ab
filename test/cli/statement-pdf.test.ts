import { execFile } from 'child_process';
import { promises as fs } from 'fs';
import { promisify } from 'util';
import { pathToFileURL } from 'url';
import { CellValue, SheetGrid } from '../../src/core/model/cells';
import { dayFromISO } from '../../src/core/model/dates';
import { recon, tempDir, writeGrids } from './cli-helpers';

const run = promisify(execFile);

function d(iso: string): number {
  return dayFromISO(iso) as number;
}

/**
 * Acceptance 3 of issue 10: the written workbook converts to PDF in LibreOffice, and each chosen
 * customer's Statement (对账单) shows its closing balance and the amount in Chinese capitals, one page
 * wide (every printed page of a statement carries the whole table header, Date through Balance).
 */
describe('the statement of account in print', () => {
  const tmp = tempDir();
  const pages = new Map<string, string[]>();

  // C1: 120 invoices of 1,000.10 in March; opening 3,000.00 (5,000.00 sold in February less a receipt of 2,000.00).
  // Closing 3,000.00 + 120 × 1,000.10 = 123,012.00.
  // C3: one invoice of 107,000.53 in March, nothing before. C2 has activity but is not chosen.
  const sales: CellValue[][] = [['Date', 'Document No', 'Customer ID', 'Customer Name', 'Product', 'Amount']];
  sales.push([d('2024-02-10'), 'S-0', 'C1', 'Alpha', 'Valve', 5000]);
  for (let k = 1; k <= 120; k++) sales.push([d('2024-03-01') + (k % 28), `S-${k}`, 'C1', 'Alpha', 'Pipe', 1000.1]);
  sales.push([d('2024-03-05'), 'S-121', 'C2', 'Beta', 'Pipe', 777]);
  sales.push([d('2024-03-06'), 'S-122', 'C3', 'Gamma', 'Cable', 107000.53]);
  const grids: SheetGrid[] = [
    {
      name: 'Customers',
      rows: [['Customer ID', 'Customer Name', 'Credit Limit', 'Payment Terms'], ['C1', 'Alpha', 100000, 'Net 30'], ['C2', 'Beta', 100000, 'Net 30'], ['C3', 'Gamma', 200000, '月结30天']],
    },
    { name: 'Sales', rows: sales },
    { name: 'Receipts', rows: [['Date', 'Receipt No', 'Customer ID', 'Amount'], [d('2024-02-20'), 'R-1', 'C1', 2000]] },
  ];

  beforeAll(async () => {
    const input = tmp.file('in.xlsx');
    const out = tmp.file('out.xlsx');
    await writeGrids(input, grids);
    const result = await recon('check', input, '--out', out, '--as-of', '2024-03-31', '--lang', 'zh', '--statements', 'C1,C3');
    expect(result.code).toBe(0);
    // A profile of its own, so a LibreOffice already running elsewhere does not take the job over.
    const profile = pathToFileURL(tmp.file('lo-profile')).href;
    await run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', tmp.dir, out], { timeout: 180_000 });
    await run('pdftotext', ['-layout', tmp.file('out.pdf'), tmp.file('out.txt')]);
    const text = await fs.readFile(tmp.file('out.txt'), 'utf8');
    // A statement's first page names the customer; the pages after it that carry its items are its own.
    let current: string | null = null;
    for (const page of text.split('\f')) {
      const id = /客户：\S+（(C\d)）/.exec(page)?.[1];
      if (id) current = id;
      else if (!(current && /销售发票|本期合计|期末余额|信息证明无误/.test(page))) current = null;
      if (current) pages.set(current, [...(pages.get(current) ?? []), page]);
    }
  }, 240_000);
  afterAll(() => tmp.cleanup());

  it('prints a statement for each chosen customer only', () => {
    expect([...pages.keys()].sort()).toEqual(['C1', 'C3']);
  });

  it.each([
    ['C1', '3,000.00', '123,012.00', '人民币壹拾贰万叁仟零壹拾贰元整'],
    ['C3', '0.00', '107,000.53', '人民币壹拾万零柒仟元伍角叁分'],
  ])('shows %s\'s opening %s, closing balance %s and %s', (id, opening, closing, capitals) => {
    const all = (pages.get(id) ?? []).join('\n');
    expect(all).toMatch(new RegExp(`期初余额\\s+${opening.replace(/[.,]/g, '\\$&')}`));
    expect(all).toMatch(new RegExp(`期末余额\\s+${closing.replace(/[.,]/g, '\\$&')}`));
    expect(all).toContain(`大写：${capitals}`);
    expect(all).toContain('信息证明无误');
    expect(all).toContain('信息不符，请列明不符项目及具体内容');
  });

  it('fits one page wide: every page of a statement carries the whole table header', () => {
    const c1 = pages.get('C1') ?? [];
    expect(c1.length).toBeGreaterThan(1);
    for (const page of c1) expect(page).toMatch(/日期\s+单据编号\s+发票号码\s+摘要\s+应收金额\s+已收金额\s+余额/);
  });
});

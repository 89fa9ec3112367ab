import { SheetGrid } from '../../src/core/model/cells';
import { dayFromISO } from '../../src/core/model/dates';
import { openXlsx, recon, tempDir, writeGrids } from './cli-helpers';

/** Acceptance 4 of issue 10: a review decision appears in the Audit Log; editing a row makes Verify name it. */
describe('the Audit Log and recon verify', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());
  const d = (iso: string): number => dayFromISO(iso) as number;
  const grids: SheetGrid[] = [
    { name: 'Customers', rows: [['Customer ID', 'Customer Name', 'Credit Limit', 'Payment Terms'], ['C1', 'Alpha', 1000, 'Net 30']] },
    { name: 'Sales', rows: [['Date', 'Document No', 'Customer ID', 'Amount'], [d('2024-01-05'), 'S-1', 'C1', 800], [d('2024-02-05'), 'S-2', 'C1', 700]] },
  ];

  /** The Audit Log's table as text rows (header first) and the sheet row of each. */
  async function auditRows(file: string): Promise<{ row: number; cells: string[] }[]> {
    const ws = (await openXlsx(file)).getWorksheet('Audit Log');
    if (!ws) throw new Error('no Audit Log');
    const out: { row: number; cells: string[] }[] = [];
    ws.eachRow((row, n) => out.push({ row: n, cells: Array.from((row.values as unknown[]).slice(1), (v) => (v === null || v === undefined ? '' : String(v))) }));
    return out.filter((r) => /^\d+$/.test(r.cells[0] ?? ''));
  }

  it('logs every run, logs a review decision, and names the first row edited afterwards', async () => {
    const input = tmp.file('in.xlsx');
    await writeGrids(input, grids);
    const first = tmp.file('run-1.xlsx');
    expect((await recon('check', input, '--out', first, '--as-of', '2024-03-31')).code).toBe(0);
    const one = await auditRows(first);
    expect(one.map((r) => r.cells.slice(0, 3))).toEqual([['1', expect.stringMatching(/^\d{4}-\d\d-\d\dT/), 'run']]);
    expect(one[0].cells[4]).toBe('in.xlsx');
    expect(one[0].cells[5]).toBe('2024-03-31');
    expect(await recon('verify', first)).toMatchObject({ code: 0, out: ['Audit Log intact: 1 rows, every hash follows the row before / 审计日志完整：共 1 行，每行哈希均与上一行衔接'] });

    // A reviewer accepts a finding on the Findings sheet.
    const book = await openXlsx(first);
    const findings = book.getWorksheet('Findings');
    if (!findings) throw new Error('no Findings sheet');
    const header = findings.getColumn(1).values.findIndex((v) => v === '#');
    const firstFinding = findings.getRow(header + 1);
    const id = String(firstFinding.getCell(13).value);
    firstFinding.getCell(9).value = 'Accepted';
    firstFinding.getCell(10).value = 'Li Na';
    firstFinding.getCell(12).value = 'limit raised by the CFO';
    const reviewed = tmp.file('reviewed.xlsx');
    await book.xlsx.writeFile(reviewed);

    const second = tmp.file('run-2.xlsx');
    expect((await recon('check', reviewed, '--out', second, '--as-of', '2024-03-31')).code).toBe(0);
    const two = await auditRows(second);
    expect(two.map((r) => [r.cells[0], r.cells[2], r.cells[3], r.cells[6], r.cells[7], r.cells[8]])).toEqual([
      ['1', 'run', expect.any(String), '', '', expect.stringContaining('errors')],
      ['2', 'review', 'Li Na', id, 'Accepted', 'limit raised by the CFO'],
      ['3', 'run', expect.any(String), '', '', expect.stringContaining('errors')],
    ]);
    expect(two[0].cells).toEqual(one[0].cells);
    expect((await recon('verify', second)).code).toBe(0);

    // A third run with no new decision logs the run only.
    const third = tmp.file('run-3.xlsx');
    expect((await recon('check', second, '--out', third, '--as-of', '2024-03-31')).code).toBe(0);
    expect((await auditRows(third)).map((r) => r.cells[2])).toEqual(['run', 'review', 'run', 'run']);

    // Someone edits the review row's comment.
    const tampered = await openXlsx(third);
    const log = tampered.getWorksheet('Audit Log');
    if (!log) throw new Error('no Audit Log');
    const target = two[1].row;
    log.getRow(target).getCell(9).value = 'limit raised';
    const edited = tmp.file('edited.xlsx');
    await tampered.xlsx.writeFile(edited);
    const verdict = await recon('verify', edited);
    expect(verdict.code).toBe(3);
    expect(verdict.out[0]).toContain(`row ${target} (#2)`);
  });

  it('says so when the workbook has no Audit Log', async () => {
    const input = tmp.file('plain.xlsx');
    await writeGrids(input, grids);
    const run = await recon('verify', input);
    expect(run.code).toBe(1);
    expect(run.err[0]).toContain('No Audit Log');
  });
});

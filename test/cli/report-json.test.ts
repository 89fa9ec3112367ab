import fc from 'fast-check';
import { promises as fs } from 'fs';
import { writeReportJson } from '../../src/cli/report-json';
import { Report } from '../../src/core/output/report';
import { tempDir } from './cli-helpers';

describe('writing the JSON report piece by piece', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  const report: Report = {
    asOf: '2024-03-31',
    sheets: [{ name: 'Sales "A"', template: 'sales', rows: 2 }],
    findings: [
      { id: 'a1', code: 'amount-calc', severity: 'error', sheet: 'Sales "A"', cell: 'J2', row: 2, message: 'Amount 1.00 ≠ 2.00\nsecond line', expected: '2.00', actual: '1.00' },
      { id: 'a2', code: 'required', severity: 'error', sheet: 'Sales "A"', cell: 'B3', row: 3, message: '单据编号为空' },
    ],
    matches: [],
    customers: [{ customerId: 'C1', balance: '10.00', creditLimit: null, utilization: null, aging: { Current: '10.00', '1-30': '0.00' }, overdue: '0.00', rating: null, dso: null }],
  };

  it('writes exactly what JSON.stringify(report, null, 2) gives', async () => {
    const file = tmp.file('r.json');
    await writeReportJson(report, file);
    expect(await fs.readFile(file, 'utf8')).toBe(`${JSON.stringify(report, null, 2)}\n`);
  });

  it('matches JSON.stringify on arbitrary finding texts (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ message: fc.string(), expected: fc.option(fc.string(), { nil: undefined }) }), { maxLength: 5 }), async (items) => {
        const r: Report = { ...report, findings: items.map((it, i) => ({ ...report.findings[0], id: String(i), message: it.message, expected: it.expected })) };
        const file = tmp.file('p.json');
        await writeReportJson(r, file);
        expect(await fs.readFile(file, 'utf8')).toBe(`${JSON.stringify(r, null, 2)}\n`);
      }),
      { numRuns: 30 },
    );
  });

  it('rejects, without an unhandled error, when the path cannot be written', async () => {
    await fs.mkdir(tmp.file('dir.json'), { recursive: true });
    await expect(writeReportJson(report, tmp.file('dir.json'))).rejects.toThrow(/EISDIR/);
  });
});

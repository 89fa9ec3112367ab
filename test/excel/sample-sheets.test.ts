import { buildSampleWorkbook } from '../../scripts/build-sample';
import { createExcelOps } from '../../src/excel/workbook-ops';
import { loadXlsx } from '../fake-excel/xlsx-io';
import { fakeHost, newFake } from './helpers';
import { cellKeyOf } from './keys';

/** The demo workbook checked in a fake Excel that has only the manifest's ExcelApi 1.9: every owned sheet drawn. */
describe('Excel adapter draws the sample\'s owned sheets within ExcelApi 1.9', () => {
  it('writes Findings (opened first), a two-sided Reconciliation and Matches, with their page setup', async () => {
    const model = await loadXlsx(Buffer.from(await buildSampleWorkbook().xlsx.writeBuffer()));
    const ops = createExcelOps({ host: fakeHost(newFake(model, { apiVersion: '1.9' })) });
    const r = await ops.check({});
    expect(r.ok).toBe(true);
    const findings = model.mustSheet('Findings');
    expect(model.activeSheetId).toBe(findings.id);
    expect(findings.pageLayout).toMatchObject({ orientation: 'Landscape', paperSize: 'A4', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 } });
    expect(findings.pageLayout.footer.center).toBe('Page &P of &N');
    const recon = model.mustSheet('Reconciliation');
    expect(recon.pageLayout).toMatchObject({ orientation: 'Portrait', paperSize: 'A4', printTitleRows: '$1:$1' });
    const texts = recon.rows.flat().filter((v): v is string => typeof v === 'string');
    expect(texts.filter((t) => t === 'Adjusted balance').length).toBeGreaterThanOrEqual(6);
    // Adjusted balances are formulas the live workbook recalculates.
    const formulas = [...recon.formulas.values()];
    expect(formulas.some((f) => /^=C\d+\+C\d+-C\d+$/.test(f))).toBe(true);
    expect(recon.merged.length).toBeGreaterThan(10);
    const matches = model.mustSheet('Matches');
    expect(matches.hyperlinks.size).toBeGreaterThan(100);
    expect(matches.frozenRows).toBe(4);
    expect(findings.wraps.has(cellKeyOf('F8'))).toBe(true);
  });
});

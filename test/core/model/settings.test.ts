import { readSettings, resolveSettings } from '../../../src/core/model/settings';
import { columnMapOf, withColumnChoices } from '../../../src/core/templates/column-map';
import { recognizeSheets } from '../../../src/core/templates/header-recognition';

describe('settings read from the workbook', () => {
  it('keeps every field of the right type and drops the rest, so the defaults apply', () => {
    expect(readSettings({
      lang: 'zh', asOf: '2024-03-31', roundingTolerance: '0.05', dateWindowDays: 'seven', invoiceNoRule: 'fapiao',
      taxIdRule: 'maybe', agingBuckets: [30, 60], taxRates: ['0.13', 13], reviewer: 'Li', columnMap: { sales: { docNo: 'Order Ref', amount: 5 }, bogus: {} },
      sheetTemplates: { Theirs: 'statement', Other: 'ledger' },
    })).toEqual({
      lang: 'zh', asOf: 45382, roundingTolerance: '0.05', invoiceNoRule: 'fapiao', agingBuckets: [30, 60], reviewer: 'Li',
      columnMap: { sales: { docNo: 'Order Ref' } }, sheetTemplates: { Theirs: 'statement' },
    });
    expect(readSettings('not an object')).toEqual({});
  });

  it('lays --map choices over the saved map and saves the map a run used', () => {
    const s = withColumnChoices(resolveSettings({ columnMap: { sales: { docNo: 'Old', total: 'Gross' } } }), [
      { template: 'sales', field: 'docNo', header: 'Ref Key' }, { template: 'receipts', field: 'method', header: '' },
    ]);
    expect(s.columnMap).toEqual({ sales: { docNo: 'Ref Key', total: 'Gross' }, receipts: { method: '' } });
    const mappings = recognizeSheets([{ name: 'S', rows: [['Date', 'Ref Key', 'Amount'], [45356, 'A1', 5]] }], s);
    expect(columnMapOf(mappings, s).sales).toEqual({ date: 'Date', docNo: 'Ref Key', amount: 'Amount', total: 'Gross' });
  });
});

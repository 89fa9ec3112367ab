import { COMMENT_MARKER } from '../../src/excel/annotations';
import { createExcelOps } from '../../src/excel/workbook-ops';
import { fakeHost, newFake, salesWorkbook, snapshot } from './helpers';
import { cellKeyOf } from './keys';

const USER_SHEETS = ['Customers', 'Sales', 'Receipts'];

describe('Excel adapter: requirement sets', () => {
  it('on ExcelApi 1.9 highlights without notes or comments, and clears', async () => {
    const wb = salesWorkbook(20, 5);
    wb.mustSheet('Sales').notes.set(cellKeyOf('B6'), { content: 'legacy note', author: 'me' });
    const before = snapshot(wb, USER_SHEETS);
    const fake = newFake(wb, { apiVersion: '1.9' });
    const ops = createExcelOps({ host: fakeHost(fake) });
    expect((await ops.check({})).ok).toBe(true);
    const sales = wb.mustSheet('Sales');
    expect(sales.fills.get(cellKeyOf('B6'))?.color).toBe('#FFC7CE');
    expect(sales.notes.get(cellKeyOf('B6'))?.content).toBe('legacy note');
    expect(wb.comments).toEqual([]);
    expect(fake.stats.ops['NoteCollection.add'] ?? 0).toBe(0);
    expect((await ops.clear()).ok).toBe(true);
    expect(snapshot(wb, USER_SHEETS)).toEqual(before);
  });

  it('on ExcelApi 1.10 writes its messages as marked comments, leaves a user\'s comment thread alone, and removes only its own', async () => {
    const wb = salesWorkbook(20, 5);
    const sales = wb.mustSheet('Sales');
    wb.comments.push({ id: 'user-1', sheetId: sales.id, key: cellKeyOf('B11'), content: 'user thread', author: 'me', resolved: false });
    const before = snapshot(wb, USER_SHEETS);
    const fake = newFake(wb, { apiVersion: '1.10' });
    const ops = createExcelOps({ host: fakeHost(fake) });
    expect((await ops.check({})).ok).toBe(true);
    const onB6 = wb.comments.find((c) => c.sheetId === sales.id && c.key === cellKeyOf('B6'));
    expect(onB6?.content.startsWith(COMMENT_MARKER)).toBe(true);
    expect(wb.comments.filter((c) => c.key === cellKeyOf('B11')).map((c) => c.content)).toEqual(['user thread']);
    expect(sales.fills.get(cellKeyOf('B11'))?.color).toBe('#FFC7CE');
    // A second run updates its own comments rather than piling up new ones.
    const count = wb.comments.length;
    expect((await ops.check({})).ok).toBe(true);
    expect(wb.comments.length).toBe(count);
    expect((await ops.clear()).ok).toBe(true);
    expect(snapshot(wb, USER_SHEETS)).toEqual(before);
  });

  it('never calls an API the running Excel lacks (the fake answers ApiNotFound if it does)', async () => {
    for (const apiVersion of ['1.9', '1.10', '1.18']) {
      const fake = newFake(salesWorkbook(12, 4), { apiVersion });
      const ops = createExcelOps({ host: fakeHost(fake) });
      expect({ apiVersion, result: (await ops.check({})).ok }).toEqual({ apiVersion, result: true });
      expect({ apiVersion, result: (await ops.clear()).ok }).toEqual({ apiVersion, result: true });
    }
  });
});

describe('Excel adapter: events and selection', () => {
  it('its own writes do not raise the add-in\'s change events; a user\'s edit does', async () => {
    const wb = salesWorkbook(20, 5);
    const fake = newFake(wb);
    const seen: string[] = [];
    await fake.Excel.run(async (ctx: Excel.RequestContext) => {
      ctx.workbook.worksheets.getItem('Sales').onChanged.add(async (e) => {
        seen.push(e.address);
      });
      await ctx.sync();
    });
    const ops = createExcelOps({ host: fakeHost(fake) });
    expect((await ops.check({})).ok).toBe(true);
    expect((await ops.clear()).ok).toBe(true);
    fake.inject.userEdit('Sales', 'B6', 'D0000005');
    await new Promise((r) => setTimeout(r, 10));
    expect(seen).toEqual(['B6']);
  });

  it('selects a finding\'s cell, activating its sheet; explains a hidden or missing sheet and a bad address', async () => {
    const wb = salesWorkbook(5, 5);
    wb.mustSheet('Receipts').visibility = 'Hidden';
    const fake = newFake(wb);
    const ops = createExcelOps({ host: fakeHost(fake) });
    expect(await ops.select('Sales', 'b6')).toEqual({ ok: true, value: undefined });
    expect(wb.activeSheetId).toBe(wb.mustSheet('Sales').id);
    expect(wb.selection?.rect).toEqual({ r0: 5, c0: 1, r1: 5, c1: 1 });
    expect(await ops.select('Receipts', 'D3')).toMatchObject({ ok: false, code: 'SheetHidden', message: expect.stringContaining('Unhide') });
    expect(await ops.select('Gone', 'A1')).toMatchObject({ ok: false, code: 'SheetNotFound' });
    expect(await ops.select('Sales', 'not a cell')).toMatchObject({ ok: false, code: 'BadCell' });
  });

  it('reports the display language Office uses', () => {
    expect(createExcelOps({ host: fakeHost(newFake(salesWorkbook(1, 1), { displayLanguage: 'zh-CN' })) }).displayLanguage()).toBe('zh');
    expect(createExcelOps({ host: fakeHost(newFake(salesWorkbook(1, 1), { displayLanguage: 'en-GB' })) }).displayLanguage()).toBe('en');
  });

  it('stops before writing anything when cancelled', async () => {
    const wb = salesWorkbook(20, 5);
    const before = snapshot(wb, USER_SHEETS);
    const fake = newFake(wb);
    const controller = new AbortController();
    const ops = createExcelOps({ host: fakeHost(fake) });
    const result = await ops.check({
      signal: controller.signal,
      onProgress: (_f, stage) => {
        if (stage === 'validate') controller.abort();
      },
    });
    expect(result).toMatchObject({ ok: false, code: 'Cancelled' });
    expect(snapshot(wb, USER_SHEETS)).toEqual(before);
    expect(wb.sheets.map((s) => s.name)).toEqual(USER_SHEETS);
  });
});

import { AFTER_FAILURE, ERROR_MESSAGES } from '../../src/excel/error-messages';
import { createExcelOps } from '../../src/excel/workbook-ops';
import { asOfficeJs, FakeOfficeError } from '../fake-excel';
import { fakeHost, newFake, salesWorkbook, snapshot } from './helpers';
import { cellKeyOf } from './keys';

const USER_SHEETS = ['Customers', 'Sales', 'Receipts'];

/** The write operations a run sent (everything but reads). */
function writes(ops: Record<string, number>): string[] {
  return Object.keys(ops).filter((op) => !/\.(load|getCount|getCellProperties)$/.test(op));
}

describe('fake Excel: workbook structure protection', () => {
  it.each([
    ['add a sheet', (ctx: Excel.RequestContext) => void ctx.workbook.worksheets.add('New')],
    ['delete a sheet', (ctx: Excel.RequestContext) => ctx.workbook.worksheets.getItem('Receipts').delete()],
    ['rename a sheet', (ctx: Excel.RequestContext) => void (ctx.workbook.worksheets.getItem('Sales').name = 'Sales 2024')],
    ['hide a sheet', (ctx: Excel.RequestContext) => void (ctx.workbook.worksheets.getItem('Receipts').visibility = 'Hidden')],
    ['move a sheet', (ctx: Excel.RequestContext) => void (ctx.workbook.worksheets.getItem('Receipts').position = 0)],
  ])('refuses to %s with AccessDenied while protected, and allows it once unprotected', async (_what, act) => {
    const wb = salesWorkbook(3, 2);
    wb.structureProtected = true;
    const { Excel } = asOfficeJs(newFake(wb));
    const names = wb.sheets.map((s) => s.name);
    await expect(Excel.run(async (ctx) => {
      act(ctx);
      await ctx.sync();
    })).rejects.toMatchObject({ code: 'AccessDenied' });
    expect(wb.sheets.map((s) => s.name)).toEqual(names);
    await Excel.run(async (ctx) => {
      ctx.workbook.protection.unprotect();
      act(ctx);
      await ctx.sync();
    });
    expect(wb.structureProtected).toBe(false);
  });

  it('reports protection, and cells stay editable (that is sheet protection\'s job)', async () => {
    const wb = salesWorkbook(3, 2);
    const { Excel } = asOfficeJs(newFake(wb));
    const seen = await Excel.run(async (ctx) => {
      ctx.workbook.protection.protect('pw');
      const p = ctx.workbook.protection.load('protected');
      ctx.workbook.worksheets.getItem('Sales').getRange('A2').values = [[1]];
      await ctx.sync();
      return p.protected;
    });
    expect(seen).toBe(true);
    expect(wb.mustSheet('Sales').getValue(1, 0)).toBe(1);
    const wrongPassword = Excel.run(async (ctx) => {
      ctx.workbook.protection.unprotect('nope');
      await ctx.sync();
    });
    await expect(wrongPassword).rejects.toBeInstanceOf(FakeOfficeError);
  });
});

describe('Excel adapter: a workbook whose structure is protected', () => {
  it('is refused before the first write, with a message saying what to do and that nothing changed', async () => {
    const wb = salesWorkbook(30, 5);
    wb.structureProtected = true;
    const before = snapshot(wb, USER_SHEETS);
    const fake = newFake(wb);
    const r = await createExcelOps({ host: fakeHost(fake) }).check({});
    expect(r).toEqual({ ok: false, code: 'WorkbookProtected', message: `${ERROR_MESSAGES.WorkbookProtected.en} ${AFTER_FAILURE.untouched.en}` });
    expect(writes(fake.stats.ops)).toEqual([]);
    expect(snapshot(wb, USER_SHEETS)).toEqual(before);
    expect(wb.sheets.map((s) => s.name)).toEqual(USER_SHEETS);
  });

  it('says so in Chinese too', async () => {
    const wb = salesWorkbook(30, 5);
    wb.structureProtected = true;
    const r = await createExcelOps({ host: fakeHost(newFake(wb, { displayLanguage: 'zh-CN' })) }).check({});
    expect(r).toEqual({ ok: false, code: 'WorkbookProtected', message: `${ERROR_MESSAGES.WorkbookProtected.zh} ${AFTER_FAILURE.untouched.zh}` });
  });

  it('Clear still puts the cells back (it adds and deletes no sheet)', async () => {
    const wb = salesWorkbook(30, 5);
    const before = snapshot(wb, USER_SHEETS);
    const ops = createExcelOps({ host: fakeHost(newFake(wb)) });
    expect((await ops.check({})).ok).toBe(true);
    expect(wb.mustSheet('Sales').fills.get(cellKeyOf('B6'))?.color).toBe('#FFC7CE');
    wb.structureProtected = true;
    expect(await ops.clear()).toMatchObject({ ok: true });
    expect(snapshot(wb, USER_SHEETS)).toEqual(before);
  });
});

import { STATE_SHEET } from '../../src/core/output/workbook-state';
import { createExcelOps } from '../../src/excel/workbook-ops';
import { FakeWorkbookModel } from '../fake-excel';
import { conditionalFormatReads, fakeHost, newFake, salesWorkbook, snapshot } from './helpers';
import { cellKeyOf } from './keys';

const USER_SHEETS = ['Customers', 'Sales', 'Receipts'];

/** 30 sales rows, every 5th without a Document No (B6, B11, …), plus a user's own fill and note on flagged cells. */
function build(): FakeWorkbookModel {
  const wb = salesWorkbook(30, 5);
  const sales = wb.mustSheet('Sales');
  sales.fills.set(cellKeyOf('B6'), { color: '#92D050', pattern: 'Solid' });
  sales.fonts.set(cellKeyOf('B6'), { color: '#7030A0', bold: true });
  sales.notes.set(cellKeyOf('B11'), { content: 'asked the rep', author: 'me' });
  sales.notes.set(cellKeyOf('A3'), { content: 'not flagged', author: 'me' });
  return wb;
}

/**
 * How many requests a clean check of a fresh copy makes, and which of them only read the user's conditional
 * formats (a failure there costs the check nothing but its warning about them).
 */
async function cleanRun(prepare?: (ops: ReturnType<typeof createExcelOps>) => Promise<void>): Promise<{ total: number; cfReads: Set<number> }> {
  const fake = newFake(build());
  const ops = createExcelOps({ host: fakeHost(fake) });
  if (prepare) await prepare(ops);
  const start = fake.stats.requests;
  const cfReads = await conditionalFormatReads(fake, async () => expect((await ops.check({})).ok).toBe(true));
  return { total: fake.stats.requests - start, cfReads };
}

async function requestsOfCleanRun(prepare?: (ops: ReturnType<typeof createExcelOps>) => Promise<void>): Promise<number> {
  return (await cleanRun(prepare)).total;
}

function sheetNames(wb: FakeWorkbookModel): string[] {
  return wb.sheets.map((s) => s.name);
}

describe('Excel adapter: a failure at any sync leaves the user\'s sheets as they were', () => {
  it('finds something to mark in the test workbook (so the runs below write)', async () => {
    const wb = build();
    const ops = createExcelOps({ host: fakeHost(newFake(wb)) });
    const r = await ops.check({});
    expect(r.ok && r.value.counts.error).toBeGreaterThanOrEqual(7);
    expect(wb.mustSheet('Sales').fills.get(cellKeyOf('B6'))?.color).toBe('#FFC7CE');
  });

  it('first run: every injected failure is rolled back and explained; the next run works', async () => {
    const { total, cfReads } = await cleanRun();
    expect(total).toBeGreaterThanOrEqual(5);
    expect(cfReads.size).toBe(1);
    for (let k = 1; k <= total; k++) {
      const wb = build();
      const before = snapshot(wb, USER_SHEETS);
      const fake = newFake(wb);
      const ops = createExcelOps({ host: fakeHost(fake) });
      fake.inject.failAtRequest(k, 'GeneralException');
      const failed = await ops.check({});
      if (cfReads.has(k)) {
        // Only the read of the user's conditional formats failed: the check completes without that warning.
        expect({ k, failed }).toMatchObject({ k, failed: { ok: true, value: { warnings: [] } } });
        expect(await ops.clear()).toMatchObject({ ok: true });
        expect({ k, sheets: snapshot(wb, USER_SHEETS) }).toEqual({ k, sheets: before });
        continue;
      }
      expect({ k, failed }).toMatchObject({ k, failed: { ok: false, code: 'GeneralException', message: expect.stringContaining('internal error') } });
      expect({ k, sheets: snapshot(wb, USER_SHEETS) }).toEqual({ k, sheets: before });
      expect(sheetNames(wb).filter((n) => !USER_SHEETS.includes(n) && n !== STATE_SHEET)).toEqual([]);

      const again = await ops.check({});
      expect({ k, ok: again.ok }).toEqual({ k, ok: true });
      expect(wb.mustSheet('Sales').fills.get(cellKeyOf('B11'))?.color).toBe('#FFC7CE');
      expect(await ops.clear()).toMatchObject({ ok: true });
      expect({ k, sheets: snapshot(wb, USER_SHEETS) }).toEqual({ k, sheets: before });
    }
  });

  it('re-run: a failure at any sync of a second check leaves no marks and a consistent state', async () => {
    const { total, cfReads } = await cleanRun(async (ops) => {
      await ops.check({});
    });
    for (let k = 1; k <= total; k++) {
      const wb = build();
      const before = snapshot(wb, USER_SHEETS);
      const fake = newFake(wb);
      const ops = createExcelOps({ host: fakeHost(fake) });
      expect((await ops.check({})).ok).toBe(true);
      fake.inject.failAtRequest(k, 'GeneralException');
      const failed = await ops.check({});
      expect({ k, ok: failed.ok }).toEqual({ k, ok: cfReads.has(k) });
      // Either nothing was written (the earlier run's marks stand) or everything was put back.
      const after = snapshot(wb, USER_SHEETS);
      const marked = wb.mustSheet('Sales').fills.get(cellKeyOf('B11'))?.color === '#FFC7CE';
      if (!marked) expect({ k, after }).toEqual({ k, after: before });
      expect(sheetNames(wb).filter((n) => n.startsWith('~'))).toEqual([]);
      expect((await ops.check({})).ok).toBe(true);
      expect(await ops.clear()).toMatchObject({ ok: true });
      expect({ k, sheets: snapshot(wb, USER_SHEETS) }).toEqual({ k, sheets: before });
    }
  });

  it('cell-edit mode that starts mid-run: the message says what to do, and Clear finishes the job later', async () => {
    const total = await requestsOfCleanRun();
    for (let k = 1; k < total; k++) {
      const wb = build();
      const before = snapshot(wb, USER_SHEETS);
      const fake = newFake(wb);
      const ops = createExcelOps({ host: fakeHost(fake) });
      const first = fake.stats.requests;
      fake.inject.afterRequest((n) => {
        if (n === first + k) fake.inject.setCellEditMode(true);
      });
      const failed = await ops.check({});
      fake.inject.afterRequest(null);
      expect({ k, failed }).toMatchObject({
        k, failed: { ok: false, code: 'InvalidOperationInCellEditMode', message: expect.stringContaining('Finish editing the cell (press Enter or Esc)') },
      });
      fake.inject.setCellEditMode(false);
      expect((await ops.clear()).ok).toBe(true);
      expect({ k, sheets: snapshot(wb, USER_SHEETS) }).toEqual({ k, sheets: before });
      expect(sheetNames(wb).filter((n) => n.startsWith('~'))).toEqual([]);
      expect((await ops.check({})).ok).toBe(true);
      // The add-in hears the user's edits again (its events were switched off while it wrote).
      const heard: string[] = [];
      await fake.Excel.run(async (ctx: Excel.RequestContext) => {
        ctx.workbook.worksheets.getItem('Receipts').onChanged.add(async (e) => {
          heard.push(e.address);
        });
        await ctx.sync();
      });
      fake.inject.userEdit('Receipts', 'B2', 'R1b');
      await new Promise((r) => setTimeout(r, 5));
      expect({ k, heard }).toEqual({ k, heard: ['B2'] });
    }
  });

  it('says so in Chinese when Excel is in cell-edit mode from the start', async () => {
    const wb = build();
    const before = snapshot(wb, USER_SHEETS);
    const fake = newFake(wb, { displayLanguage: 'zh-CN' });
    fake.inject.setCellEditMode(true);
    const ops = createExcelOps({ host: fakeHost(fake) });
    const r = await ops.check({});
    expect(r).toEqual({ ok: false, code: 'InvalidOperationInCellEditMode', message: expect.stringContaining('请先结束编辑') });
    expect(snapshot(wb, USER_SHEETS)).toEqual(before);
  });

  it('refuses to mark a protected sheet before writing anything', async () => {
    const wb = build();
    wb.mustSheet('Sales').protected = true;
    const before = snapshot(wb, USER_SHEETS);
    const fake = newFake(wb);
    const ops = createExcelOps({ host: fakeHost(fake) });
    const r = await ops.check({});
    expect(r).toEqual({ ok: false, code: 'SheetProtected', message: expect.stringContaining('Sheet “Sales” is protected') });
    expect(snapshot(wb, USER_SHEETS)).toEqual(before);
    expect(sheetNames(wb)).toEqual(USER_SHEETS);
  });

  it('turns a protection error Excel raises mid-write into a message; Clear finishes once unprotected', async () => {
    const wb = build();
    const before = snapshot(wb, USER_SHEETS);
    const fake = newFake(wb);
    const ops = createExcelOps({ host: fakeHost(fake) });
    // Protect the sheet between the reads and the writes, as a colleague might in a shared workbook.
    fake.inject.afterRequest(() => {
      if (fake.stats.requests === 3) wb.mustSheet('Sales').protected = true;
    });
    const r = await ops.check({});
    fake.inject.afterRequest(null);
    expect(r).toEqual({ ok: false, code: 'AccessDenied', message: expect.stringContaining('protected') });
    wb.mustSheet('Sales').protected = false;
    expect(await ops.clear()).toMatchObject({ ok: true });
    expect(snapshot(wb, USER_SHEETS)).toEqual(before);
  });

  it('refuses a second check while one is running', async () => {
    const fake = newFake(build());
    const ops = createExcelOps({ host: fakeHost(fake) });
    const [a, b] = await Promise.all([ops.check({}), ops.check({})]);
    expect(a.ok).toBe(true);
    expect(b).toMatchObject({ ok: false, code: 'Busy' });
  });
});

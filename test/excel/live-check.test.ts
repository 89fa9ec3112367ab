import { resolveSettings } from '../../src/core/model/settings';
import { createLiveChecker, LiveChecker, LiveResult, rowsOfAddress } from '../../src/excel/live-check';
import { FakeExcel, FakeValue, FakeWorkbookModel } from '../fake-excel';
import { fakeHost, newFake, salesRows } from './helpers';

/** Lets the fake deliver its events (Excel raises them after the change, not inside it). */
const events = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

const COL = 16384;
const ERROR_FILL = '#FFC7CE';

interface Rig {
  fake: FakeExcel;
  checker: LiveChecker;
  /** Debounce timers the checker asked for and not cancelled. */
  timers: (() => void)[];
  results: LiveResult[];
}

async function rig(model: FakeWorkbookModel, chunkCells?: number, listSeparator?: ',' | ';'): Promise<Rig> {
  const fake = newFake(model, { listSeparator });
  const timers: (() => void)[] = [];
  const results: LiveResult[] = [];
  const checker = createLiveChecker({
    host: fakeHost(fake),
    settings: () => resolveSettings({ lang: 'en' }),
    schedule: (run) => {
      timers.push(run);
      return () => {
        const i = timers.indexOf(run);
        if (i >= 0) timers.splice(i, 1);
      };
    },
    chunkCells,
    onResult: (r) => results.push(r),
  });
  const started = await checker.start();
  expect(started.ok).toBe(true);
  return { fake, checker, timers, results };
}

/** Syncs one live pass costs: from the edit to the highlights. */
async function editAndCheck(r: Rig, apply: () => void): Promise<number> {
  apply();
  await events();
  r.fake.resetStats();
  await r.checker.flush();
  return r.fake.stats.syncs;
}

describe('live checks as reps type (fake Excel)', () => {
  it.each([
    ['B5', [5, 5]], ['A2:O5001', [2, 5001]], ['5:9', [5, 9]], ["'Sales'!C7", [7, 7]], ['B:B', null],
  ])('rowsOfAddress(%s)', (address, expected) => {
    expect(rowsOfAddress(address)).toEqual(expected);
  });

  it('editing one cell of a 200,000-row sheet costs two syncs, flags the cell, and a fix restores its original fill', async () => {
    const r = await rig(FakeWorkbookModel.fromRows({ Sales: salesRows(200_000, 1_000_000) }));
    expect(r.checker.watching()).toEqual(['Sales']);
    const sheet = r.fake.model.mustSheet('Sales');
    const target = 150_000 * COL + 5; // F150001, an Amount
    sheet.fills.set(target, { color: '#FFFF00', pattern: 'Solid' });

    const flagSyncs = await editAndCheck(r, () => r.fake.inject.userEdit('Sales', 'F150001', 'abc'));
    expect(flagSyncs).toBe(2);
    expect(sheet.fills.get(target)?.color).toBe(ERROR_FILL);
    expect(r.results[0]).toMatchObject({ sheet: 'Sales', rows: 1, flagged: 1, cleared: 0, chunks: 1 });
    expect(r.results[0].findings.map((f) => [f.code, f.cell])).toEqual([['type', 'F150001']]);
    // Only the changed row was read.
    expect(r.fake.stats.maxResponseBytes).toBeLessThan(5_000);

    const fixSyncs = await editAndCheck(r, () => r.fake.inject.userEdit('Sales', 'F150001', 100));
    expect(fixSyncs).toBe(2);
    expect(sheet.fills.get(target)).toEqual({ color: '#FFFF00', pattern: 'Solid' });
    expect(r.results[1]).toMatchObject({ flagged: 0, cleared: 1 });

    // The same edit on a 200-row sheet costs the same syncs.
    const small = await rig(FakeWorkbookModel.fromRows({ Sales: salesRows(200, 1_000_000) }));
    expect(await editAndCheck(small, () => small.fake.inject.userEdit('Sales', 'F101', 'abc'))).toBe(flagSyncs);
  });

  it('a cell without fill gets no fill back once fixed; a cell still wrong stays flagged without another write', async () => {
    const r = await rig(FakeWorkbookModel.fromRows({ Sales: salesRows(50, 1_000_000) }));
    const sheet = r.fake.model.mustSheet('Sales');
    await editAndCheck(r, () => r.fake.inject.userEdit('Sales', 'B10', ''));
    expect(sheet.fills.get(9 * COL + 1)?.color).toBe(ERROR_FILL);
    const again = await editAndCheck(r, () => r.fake.inject.userEdit('Sales', 'E10', 'Acme Ltd'));
    expect(again).toBe(1);
    expect(sheet.fills.get(9 * COL + 1)?.color).toBe(ERROR_FILL);
    await editAndCheck(r, () => r.fake.inject.userEdit('Sales', 'B10', 'D-NEW'));
    expect(sheet.fills.has(9 * COL + 1)).toBe(false);
  });

  it('edits within the pause are checked together, once', async () => {
    const r = await rig(FakeWorkbookModel.fromRows({ Sales: salesRows(50, 1_000_000) }));
    r.fake.inject.userEdit('Sales', 'F3', 'x');
    await events();
    r.fake.inject.userEdit('Sales', 'F30', 'y');
    await events();
    expect(r.timers).toHaveLength(1);
    r.fake.resetStats();
    r.timers[0]();
    await r.checker.flush();
    expect(r.results).toHaveLength(1);
    expect(r.results[0]).toMatchObject({ rows: 2, flagged: 2, chunks: 1 });
    expect(r.fake.stats.syncs).toBe(2);
  });

  it('pasting 5,000 rows is checked in bounded chunks', async () => {
    const r = await rig(FakeWorkbookModel.fromRows({ Sales: salesRows(10, 1_000_000) }), 9_000);
    const pasted: FakeValue[][] = salesRows(5_000, 1_000_000).slice(1).map((row, i) => {
      const copy = [...row];
      copy[1] = `P${i}`;
      if (i % 500 === 0) copy[5] = 'oops';
      return copy;
    });
    const syncs = await editAndCheck(r, () => r.fake.inject.userPaste('Sales', 'A12', pasted));
    const result = r.results[0];
    // 9,000 cells a chunk over 9 columns: 1,000 rows each.
    expect(result).toMatchObject({ rows: 5_000, chunks: 5, flagged: 10 });
    expect(syncs).toBe(10);
    expect(r.fake.stats.maxRequestBytes).toBeLessThan(100_000);
    expect(r.fake.stats.maxResponseBytes).toBeLessThan(4_000_000);
    const sheet = r.fake.model.mustSheet('Sales');
    expect(sheet.fills.get(11 * COL + 5)?.color).toBe(ERROR_FILL);
    expect(sheet.fills.get(12 * COL + 5)).toBeUndefined();
  });

  it('in a ";" locale, cells far apart are flagged together and Clear all restores them', async () => {
    const r = await rig(FakeWorkbookModel.fromRows({ Sales: salesRows(20, 1_000_000) }), undefined, ';');
    const sheet = r.fake.model.mustSheet('Sales');
    r.fake.inject.userEdit('Sales', 'F5', 'bad');
    await editAndCheck(r, () => r.fake.inject.userEdit('Sales', 'F9', 'bad'));
    expect(sheet.fills.get(4 * COL + 5)?.color).toBe(ERROR_FILL);
    expect(sheet.fills.get(8 * COL + 5)?.color).toBe(ERROR_FILL);
    expect(await r.checker.clearAll()).toEqual({ ok: true, value: 2 });
    expect(sheet.fills.has(4 * COL + 5)).toBe(false);
    expect(sheet.fills.has(8 * COL + 5)).toBe(false);
  });

  it('Clear all puts back every original fill; after stop, edits are no longer checked', async () => {
    const r = await rig(FakeWorkbookModel.fromRows({ Sales: salesRows(20, 1_000_000) }));
    const sheet = r.fake.model.mustSheet('Sales');
    sheet.fills.set(4 * COL + 5, { color: '#00B0F0', pattern: 'Solid' });
    await editAndCheck(r, () => r.fake.inject.userEdit('Sales', 'F5:F6', 'bad'));
    expect(sheet.fills.get(4 * COL + 5)?.color).toBe(ERROR_FILL);
    const cleared = await r.checker.clearAll();
    expect(cleared).toEqual({ ok: true, value: 2 });
    expect(sheet.fills.get(4 * COL + 5)).toEqual({ color: '#00B0F0', pattern: 'Solid' });
    expect(sheet.fills.has(5 * COL + 5)).toBe(false);
    await r.checker.stop();
    r.fake.inject.userEdit('Sales', 'F7', 'bad');
    await events();
    expect(r.timers).toHaveLength(0);
    expect(await r.checker.flush()).toEqual([]);
  });

  it('a sheet that is no template is not watched; an edit during cell-edit mode is checked at the next pause', async () => {
    const model = FakeWorkbookModel.fromRows({ Notes: [['Anything'], ['at all']], Sales: salesRows(10, 1_000_000) });
    const errors: string[] = [];
    const fake = newFake(model);
    const timers: (() => void)[] = [];
    const checker = createLiveChecker({
      host: fakeHost(fake), settings: () => resolveSettings({ lang: 'zh' }),
      schedule: (run) => {
        timers.push(run);
        return () => undefined;
      },
      onError: (e) => errors.push(e.code),
    });
    expect(await checker.start()).toEqual({ ok: true, value: { sheets: ['Sales'] } });
    fake.inject.userEdit('Notes', 'A5', 'x');
    await events();
    expect(timers).toHaveLength(0);
    fake.inject.userEdit('Sales', 'F4', 'bad');
    await events();
    fake.inject.setCellEditMode(true);
    expect(await checker.flush()).toEqual([]);
    expect(errors).toEqual(['InvalidOperationInCellEditMode']);
    fake.inject.setCellEditMode(false);
    const [result] = await checker.flush();
    expect(result.findings.map((f) => [f.code, f.cell])).toEqual([['type', 'F4']]);
    expect(result.findings[0].message).toMatch(/[\u4e00-\u9fff]/);
  });
});

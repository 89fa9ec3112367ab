import { STATE_SHEET, parseState } from '../../src/core/output/workbook-state';
import { createExcelOps } from '../../src/excel/workbook-ops';
import { FakeSheet, FakeWorkbookModel } from '../fake-excel';
import { fakeHost, newFake, salesWorkbook } from './helpers';

/** Finds the Findings table's header row and its columns by their English headers. */
function table(sheet: FakeSheet): { header: number; col(name: string): number } {
  for (let r = 0; r < 30; r++) {
    const row = sheet.rows[r] ?? [];
    if (row.includes('Finding ID')) return { header: r, col: (name) => row.indexOf(name) };
  }
  throw new Error('the Findings sheet has no header row');
}

/** A reviewer typing a decision into the Findings sheet's review columns. */
function review(wb: FakeWorkbookModel, id: string, status: string, reviewer: string, comment: string): void {
  const f = wb.mustSheet('Findings');
  const t = table(f);
  for (let r = t.header + 1; r < f.rows.length; r++) {
    if (f.getValue(r, t.col('Finding ID')) !== id) continue;
    f.setValue(r, t.col('Status'), status);
    f.setValue(r, t.col('Reviewer'), reviewer);
    f.setValue(r, t.col('Comment'), comment);
    return;
  }
  throw new Error(`no Findings row for ${id}`);
}

/** [status, reviewer, comment] of a finding's row on the Findings sheet. */
function decisionOnSheet(wb: FakeWorkbookModel, id: string): unknown[] | undefined {
  const f = wb.mustSheet('Findings');
  const t = table(f);
  for (let r = t.header + 1; r < f.rows.length; r++) {
    if (f.getValue(r, t.col('Finding ID')) === id) return [f.getValue(r, t.col('Status')), f.getValue(r, t.col('Reviewer')), f.getValue(r, t.col('Comment'))];
  }
  return undefined;
}

/** A checked workbook with two decisions recorded on its Findings sheet. */
async function reviewed(): Promise<{ wb: FakeWorkbookModel; ops: ReturnType<typeof createExcelOps>; ids: [string, string] }> {
  const wb = salesWorkbook(30, 5);
  const ops = createExcelOps({ host: fakeHost(newFake(wb)) });
  const first = await ops.check({});
  if (!first.ok) throw new Error(first.message);
  expect(first.value.findings.length).toBeGreaterThanOrEqual(2);
  const [a, b] = first.value.findings;
  review(wb, a.id, 'Explained', 'Li Wei', 'rep confirmed the order');
  review(wb, b.id, 'Accepted', 'Anna', 'known, credit note follows');
  return { wb, ops, ids: [a.id, b.id] };
}

describe('Excel adapter: review decisions survive Clear', () => {
  it('set statuses, Clear, check again: the same decisions on the Findings sheet and in the pane', async () => {
    const { wb, ops, ids } = await reviewed();
    expect(await ops.clear()).toMatchObject({ ok: true });
    const again = await ops.check({});
    if (!again.ok) throw new Error(again.message);
    expect(decisionOnSheet(wb, ids[0])).toEqual(['Explained', 'Li Wei', 'rep confirmed the order']);
    expect(decisionOnSheet(wb, ids[1])).toEqual(['Accepted', 'Anna', 'known, credit note follows']);
    // What the pane is given to show next to each finding.
    expect(again.value.reviews[ids[0]]).toEqual({ status: 'explained', reviewer: 'Li Wei', reviewedAt: '', comment: 'rep confirmed the order' });
    expect(again.value.reviews[ids[1]]).toMatchObject({ status: 'accepted', reviewer: 'Anna', comment: 'known, credit note follows' });
    expect(Object.keys(again.value.reviews).sort()).toEqual([...ids].sort());
  });

  it('Clear keeps the decisions in the state, so a Findings sheet deleted afterwards loses none', async () => {
    const { wb, ops, ids } = await reviewed();
    expect(await ops.clear()).toMatchObject({ ok: true });
    const state = parseState(wb.mustSheet(STATE_SHEET).rows.map((r) => r?.[0] ?? null));
    expect(state?.reviews?.map((r) => [r.id, r.status, r.reviewer]).sort()).toEqual(
      [[ids[0], 'explained', 'Li Wei'], [ids[1], 'accepted', 'Anna']].sort(),
    );
    // The user tidies up after Clear and deletes the Findings sheet.
    wb.sheets = wb.sheets.filter((s) => s.name !== 'Findings');
    const again = await ops.check({});
    if (!again.ok) throw new Error(again.message);
    expect(decisionOnSheet(wb, ids[0])).toEqual(['Explained', 'Li Wei', 'rep confirmed the order']);
    expect(decisionOnSheet(wb, ids[1])).toEqual(['Accepted', 'Anna', 'known, credit note follows']);
    expect(again.value.reviews[ids[1]]?.status).toBe('accepted');
  });

  it('a decision reset to Open on the sheet stays reset: the sheet is the newer word', async () => {
    const { wb, ops, ids } = await reviewed();
    expect((await ops.check({})).ok).toBe(true);
    review(wb, ids[0], 'Open', '', '');
    expect((await ops.clear()).ok).toBe(true);
    const again = await ops.check({});
    if (!again.ok) throw new Error(again.message);
    expect(decisionOnSheet(wb, ids[0])).toEqual(['Open', null, null]);
    expect(again.value.reviews[ids[0]]).toBeUndefined();
    expect(decisionOnSheet(wb, ids[1])).toEqual(['Accepted', 'Anna', 'known, credit note follows']);
  });
});

import fc from 'fast-check';
import { CellValue, SheetGrid } from '../../../src/core/model/cells';
import { dayFromISO } from '../../../src/core/model/dates';
import { Finding, findingId, Severity } from '../../../src/core/model/findings';
import { buildFindingsSheet, EXCEL_MAX_ROWS, readReviews } from '../../../src/core/output/findings-sheet';
import { OutCell, outValue, OwnedSheet } from '../../../src/core/output/plan';
import { buildMarks, buildPlan } from '../../../src/core/output/plan-build';
import { Review } from '../../../src/core/output/review';
import { FINDINGS_HEADERS } from '../../../src/core/output/plan-messages';
import { resolveSettings } from '../../../src/core/model/settings';

const asOf = dayFromISO('2024-03-31') as number;
const en = resolveSettings({ lang: 'en', asOf });
const zh = resolveSettings({ lang: 'zh', asOf });

function finding(code: Finding['code'], severity: Severity, sheet: string, cell: string, key: string, message: string, extra: Partial<Finding> = {}): Finding {
  const row = Number(cell.replace(/^[A-Z]+/, ''));
  return { id: findingId(code, sheet, key, cell.replace(/\d+$/, '')), code, severity, sheet, cell, row, message, ...extra };
}

/** What a renderer writes and a reader reads back: OutCells become plain cell values. */
function toGrid(sheet: OwnedSheet): SheetGrid {
  const plain = (cell: OutCell): CellValue => {
    const c = outValue(cell);
    if (c === null || typeof c === 'string' || typeof c === 'number') return c;
    // As Excel holds them: money a number, a formula its value.
    if ('money' in c) return Number(c.money);
    if ('date' in c) return c.date;
    if ('formula' in c) return c.result ?? null;
    return c.link.text;
  };
  const rows: CellValue[][] = [...(sheet.preamble ?? []).map((r) => r.map(plain)), sheet.columns.map((c) => c.header), ...sheet.rows.map((r) => r.map(plain))];
  return { name: sheet.name, rows };
}

/** What a preamble cell shows: its text, or a formula's result. */
function shown(cell: OutCell): unknown {
  const v = outValue(cell);
  return v !== null && typeof v === 'object' && 'formula' in v ? v.result : v;
}

function findingsSheet(plan: { sheets: OwnedSheet[] }): OwnedSheet {
  const s = plan.sheets.find((x) => x.key === 'findings');
  if (!s) throw new Error('no Findings sheet');
  return s;
}

function column(sheet: OwnedSheet, header: string): OutCell[] {
  const j = sheet.columns.findIndex((c) => c.header === header);
  expect(j).toBeGreaterThanOrEqual(0);
  return sheet.rows.map((r) => r[j]);
}

/** A reviewer's edit on the rendered Findings sheet: sets Status/Reviewer/Reviewed At/Comment of the row with this id. */
function review(grid: SheetGrid, id: string, values: { status: string; reviewer: string; at: CellValue; comment: string }, lang: 'en' | 'zh' = 'en'): void {
  const h = grid.rows.findIndex((r) => r.includes(FINDINGS_HEADERS.findingId[lang]));
  const col = (k: keyof typeof FINDINGS_HEADERS): number => grid.rows[h].indexOf(FINDINGS_HEADERS[k][lang]);
  const row = grid.rows.find((r, i) => i > h && r[col('findingId')] === id);
  if (!row) throw new Error(`row ${id} not found`);
  row[col('status')] = values.status;
  row[col('reviewer')] = values.reviewer;
  row[col('reviewedAt')] = values.at;
  row[col('comment')] = values.comment;
}

describe('marks', () => {
  it('merges findings on one cell into one mark, the worst severity winning, one note line per finding', () => {
    const a = finding('name-mismatch', 'warning', 'Sales', 'E5', 'INV-1', 'Customer Name "ACME" ≠ "Acme Ltd" in Customers');
    const b = finding('unknown-customer', 'error', 'Sales', 'E5', 'INV-1', 'Customer C099 is not in Customers');
    const c = finding('amount-calc', 'error', 'Sales', 'J5', 'INV-1', 'Amount 100.00 ≠ Quantity × Unit Price = 120.00');
    const marks = buildMarks([a, b, c], 'en');
    expect(marks).toHaveLength(2);
    const e5 = marks.find((m) => m.cell === 'E5');
    expect(e5?.severity).toBe('error');
    expect(e5?.findingIds).toEqual([a.id, b.id]);
    expect(e5?.note.split('\n')).toEqual([
      '[warning] name-mismatch: Customer Name "ACME" ≠ "Acme Ltd" in Customers',
      '[error] unknown-customer: Customer C099 is not in Customers',
    ]);
    expect(marks.find((m) => m.cell === 'J5')?.note).toBe('[error] amount-calc: Amount 100.00 ≠ Quantity × Unit Price = 120.00');
  });

  it('keeps cells of different sheets apart and writes severity tags in Chinese for zh', () => {
    const a = finding('required', 'error', 'Sales', 'B2', 'x', '单据编号为空');
    const b = finding('required', 'error', 'Receipts', 'B2', 'y', '收款单号为空');
    const marks = buildMarks([a, b], 'zh');
    expect(marks.map((m) => `${m.sheet}!${m.cell}`)).toEqual(['Sales!B2', 'Receipts!B2']);
    expect(marks[0].note).toBe('[错误] required: 单据编号为空');
  });

  it('summarises a cell with very many findings instead of an endless note', () => {
    const many = Array.from({ length: 45 }, (_, i) => finding('duplicate', 'error', 'Sales', 'B2', `k${i}`, `dup ${i}`));
    const [mark] = buildMarks(many, 'en');
    const lines = mark.note.split('\n');
    expect(lines).toHaveLength(20);
    expect(lines[19]).toBe('… and 26 more');
    expect(mark.findingIds).toHaveLength(45);
  });

  it('gives every finding exactly one mark whose severity is the worst on its cell (property)', () => {
    const sev = fc.constantFrom<Severity>('error', 'warning', 'info');
    const item = fc.record({ sheet: fc.constantFrom('S1', 'S2'), col: fc.constantFrom('A', 'B', 'C'), row: fc.integer({ min: 2, max: 6 }), severity: sev, key: fc.string({ maxLength: 3 }) });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 40 }), (items) => {
        const fs = items.map((it, i) => finding('type', it.severity, it.sheet, `${it.col}${it.row}`, `${it.key}#${i}`, `m${i}`));
        const marks = buildMarks(fs, 'en');
        const rank = { error: 3, warning: 2, info: 1 };
        for (const f of fs) {
          const owners = marks.filter((m) => m.findingIds.includes(f.id));
          expect(owners).toHaveLength(1);
          expect(owners[0].sheet).toBe(f.sheet);
          expect(owners[0].cell).toBe(f.cell);
        }
        for (const m of marks) {
          const worst = fs.filter((f) => f.sheet === m.sheet && f.cell === m.cell).reduce((w, f) => Math.max(w, rank[f.severity]), 0);
          expect(rank[m.severity]).toBe(worst);
        }
      }),
    );
  });
});

describe('Findings sheet', () => {
  const amount = finding('amount-calc', 'error', 'Sales', 'J5', 'INV-1', 'Amount 100.00 ≠ Quantity × Unit Price = 120.00', { expected: '120.00', actual: '100.00' });
  const tax = finding('tax-calc', 'error', 'Sales', 'L9', 'INV-7', 'Tax 31.00 ≠ Amount × Tax Rate = 13.00');
  const unmapped = finding('unmapped-column', 'info', 'Sales', 'Q1', '', 'Column "Remarks" matches no field');

  it('lists every finding with its link, severity name and Open status, after a legend with counts and the as-of date', () => {
    const plan = buildPlan([amount, tax, unmapped], [], en, new Map());
    const sheet = findingsSheet(plan);
    expect(sheet.name).toBe('Findings');
    expect(plan.sheets[0]).toBe(sheet);
    expect(sheet.columns.map((c) => c.header)).toEqual(['#', 'Severity', 'Code', 'Sheet', 'Cell', 'Message', 'Expected', 'Actual', 'Status', 'Reviewer', 'Reviewed At', 'Comment', 'Finding ID']);
    expect(column(sheet, 'Cell')[0]).toEqual({ link: { text: 'J5', sheet: 'Sales', cell: 'J5' } });
    expect(column(sheet, 'Severity')).toEqual(['Error', 'Error', 'Info']);
    expect(column(sheet, 'Status')).toEqual(['Open', 'Open', 'Open']);
    // Amounts are numbers with the money format, not text.
    expect(column(sheet, 'Expected')[0]).toEqual({ money: '120.00' });
    expect(column(sheet, 'Actual')[0]).toEqual({ money: '100.00' });
    expect(sheet.columns.find((c) => c.header === 'Expected')?.format).toBe('money');
    expect(sheet.columns.find((c) => c.header === 'Message')?.wrap).toBe(true);
    expect(column(sheet, 'Finding ID')).toEqual([amount.id, tax.id, unmapped.id]);
    expect(sheet.rowSeverity).toEqual(['error', 'error', 'info']);
    const pre = sheet.preamble ?? [];
    expect(pre.some((r) => r.some((c) => typeof c === 'object' && c !== null && 'date' in c && c.date === asOf))).toBe(true);
    const legend = pre.findIndex((r) => r[0] === 'Highlights');
    expect(pre[legend].map(shown)).toEqual(['Highlights', 'Error: 2', 'Warning: 0', 'Info: 1']);
    expect(sheet.preambleSeverity?.[legend]).toEqual([null, 'error', 'warning', 'info']);
    // Counts are formulas over the Severity (B) and Status (I) columns of the data rows 8–10.
    expect(pre[legend][1]).toMatchObject({ formula: '"Error: "&COUNTIFS(B8:B10,"Error",I8:I10,"<>Resolved")' });
    const reviewLine = pre.find((r) => r[0] === 'Review') ?? [];
    expect(reviewLine.map(shown)).toEqual(['Review', 'Open: 3', 'Explained: 0', 'Resolved: 0', 'Accepted: 0']);
    expect(reviewLine[1]).toMatchObject({ formula: '"Open: "&COUNTIF(I8:I10,"Open")' });
    expect(sheet.page).toMatchObject({ paper: 'A4', fitToWidth: true, printTitleRows: { first: 7, last: 7 } });
    expect(sheet.page?.footer?.center).toBe('Page &P of &N');
    expect(sheet.page?.footer?.left).toBe('As of 2024-03-31');
    expect(sheet.page?.footer?.right).toMatch(/^&F · Statement Reconciler \d+\.\d+\.\d+$/);
    expect(sheet.activate).toBe(true);
    expect(sheet.columns.find((c) => c.header === 'Status')?.choices).toEqual(['Open', 'Explained', 'Resolved', 'Accepted']);
  });

  it('puts the Findings sheet before the other owned sheets it is given', () => {
    const other: OwnedSheet = { key: 'reconciliation', name: 'Reconciliation', columns: [{ header: 'Customer' }], rows: [['C001']] };
    const plan = buildPlan([amount], [other], en, new Map());
    expect(plan.sheets.map((s) => s.key)).toEqual(['findings', 'reconciliation']);
  });

  it('keeps review decisions by finding id on a re-run, even after the rows moved', () => {
    const first = buildPlan([amount, tax], [], en, new Map());
    const grid = toGrid(findingsSheet(first));
    review(grid, tax.id, { status: 'Explained', reviewer: 'Li Na', at: '2024-04-02 10:15', comment: 'price agreed by phone' });
    review(grid, amount.id, { status: 'Accepted', reviewer: 'Wang', at: 45384.5, comment: '' });
    const reviews = readReviews(grid);

    // The user sorted Sales and inserted rows: same business keys, new cells.
    const moved = { ...tax, cell: 'L3', row: 3 };
    const second = findingsSheet(buildPlan([moved, { ...amount, cell: 'J12', row: 12 }], [], en, reviews));
    expect(column(second, 'Finding ID')).toEqual([tax.id, amount.id]);
    expect(column(second, 'Status')).toEqual(['Explained', 'Accepted']);
    expect(column(second, 'Reviewer')).toEqual(['Li Na', 'Wang']);
    expect(column(second, 'Reviewed At')).toEqual(['2024-04-02 10:15', '2024-04-02 12:00']);
    expect(column(second, 'Comment')).toEqual(['price agreed by phone', null]);
    expect(column(second, 'Cell')[0]).toEqual({ link: { text: 'L3', sheet: 'Sales', cell: 'L3' } });
  });

  it('lists findings that disappeared as Resolved, keeping what they said and who reviewed them', () => {
    const first = buildPlan([amount, tax, unmapped], [], en, new Map());
    const grid = toGrid(findingsSheet(first));
    review(grid, amount.id, { status: 'Explained', reviewer: 'Li Na', at: '2024-04-02', comment: 'credit note follows' });
    const second = findingsSheet(buildPlan([tax], [], en, readReviews(grid)));
    // Gone findings follow the current ones in reading order: Q1 (row 1) before J5.
    expect(column(second, 'Finding ID')).toEqual([tax.id, unmapped.id, amount.id]);
    expect(column(second, 'Status')).toEqual(['Open', 'Resolved', 'Resolved']);
    expect(column(second, 'Message')[2]).toBe(amount.message);
    expect(column(second, 'Severity')[2]).toBe('Error');
    expect(column(second, 'Cell')[2]).toBe('J5');
    expect(column(second, 'Reviewer')[2]).toBe('Li Na');
    expect(column(second, 'Comment')[2]).toBe('credit note follows');
    expect(second.rowSeverity).toEqual(['error', null, null]);
    const legend = (second.preamble ?? []).find((r) => r[0] === 'Highlights');
    expect(legend?.map(shown)).toEqual(['Highlights', 'Error: 1', 'Warning: 0', 'Info: 0']);

    // A third run where the amount mistake is back: it is open again, the history kept.
    const third = findingsSheet(buildPlan([amount, tax], [], en, readReviews(toGrid(second))));
    expect(column(third, 'Status')).toEqual(['Open', 'Open', 'Resolved']);
    expect(column(third, 'Comment')[0]).toBe('credit note follows');
  });

  it('reads decisions written in the other language', () => {
    const first = buildPlan([amount], [], zh, new Map());
    const sheet = findingsSheet(first);
    expect(sheet.name).toBe('检查结果');
    expect(column(sheet, '状态')).toEqual(['待处理']);
    const grid = toGrid(sheet);
    review(grid, amount.id, { status: '已接受', reviewer: '张三', at: '2024-04-02', comment: '客户确认' }, 'zh');
    const again = findingsSheet(buildPlan([amount], [], en, readReviews(grid)));
    expect(column(again, 'Status')).toEqual(['Accepted']);
    expect(column(again, 'Reviewer')).toEqual(['张三']);
  });

  it.each<[string, Review['status']]>([
    ['Open', 'open'], ['explained', 'explained'], [' RESOLVED ', 'resolved'], ['已接受', 'accepted'], ['done?', 'open'], ['', 'open'],
  ])('reads the status %j as %s', (text, status) => {
    const grid = toGrid(findingsSheet(buildPlan([amount], [], en, new Map())));
    review(grid, amount.id, { status: text, reviewer: '', at: null, comment: '' });
    expect(readReviews(grid).get(amount.id)?.status).toBe(status);
  });

  it('reads no reviews from a sheet that is not a Findings sheet', () => {
    expect(readReviews({ name: 'Findings', rows: [['Customer', 'Amount'], ['C001', 5]] }).size).toBe(0);
  });
});

describe('a Findings sheet with more findings than Excel has rows', () => {
  it('lists as many as fit below the preamble and says how many are left out', () => {
    const one = finding('required', 'error', 'Sales', 'B2', 'k', 'Document No is required');
    const entry = { id: one.id, severity: one.severity, code: one.code, sheet: one.sheet, cell: one.cell, row: 2, message: one.message, expected: null, actual: null, review: { status: 'open' as const, reviewer: '', reviewedAt: '', comment: '' }, current: true };
    const total = EXCEL_MAX_ROWS + 10;
    const sheet = buildFindingsSheet(new Array(total).fill(entry), 'en', asOf);
    const used = (sheet.preamble?.length ?? 0) + 1 + sheet.rows.length;
    expect(used).toBeLessThanOrEqual(EXCEL_MAX_ROWS);
    expect(used).toBeGreaterThan(EXCEL_MAX_ROWS - 5);
    const note = (sheet.preamble ?? []).find((r) => typeof r[0] === 'string' && r[0].startsWith('Showing the first'));
    expect(note?.[0]).toBe(`Showing the first ${sheet.rows.length} of ${total} findings: an Excel sheet holds no more rows. The JSON report (recon check --json) lists them all.`);
  });
});

import { Finding, FindingCode, Severity } from '../../src/core/model/findings';
import { groupFindings } from '../../src/taskpane/group-findings';

let n = 0;
function f(sheet: string, cell: string, code: FindingCode, severity: Severity): Finding {
  return { id: `id${n++}`, code, severity, sheet, cell, row: Number(cell.replace(/\D/g, '')), message: `${code} at ${cell}` };
}

describe('groupFindings', () => {
  it('groups by sheet in first-seen order, then by code, worst severity first', () => {
    const groups = groupFindings([
      f('Sales', 'A2', 'required', 'error'),
      f('Sales', 'B2', 'unmapped-column', 'info'),
      f('Sales', 'C3', 'name-mismatch', 'warning'),
      f('Sales', 'A4', 'required', 'error'),
      f('Receipts', 'D2', 'range', 'error'),
    ]);
    expect(groups.map((g) => g.sheet)).toEqual(['Sales', 'Receipts']);
    expect(groups[0].codes.map((c) => c.code)).toEqual(['required', 'name-mismatch', 'unmapped-column']);
    expect(groups[0].codes[0].findings.map((x) => x.cell)).toEqual(['A2', 'A4']);
    expect(groups[0].counts).toEqual({ error: 2, warning: 1, info: 1 });
    expect(groups[0].total).toBe(4);
    expect(groups[1].counts).toEqual({ error: 1, warning: 0, info: 0 });
  });

  it('ranks a code by its worst finding and breaks ties by size', () => {
    const groups = groupFindings([
      f('S', 'A1', 'overdue', 'warning'),
      f('S', 'A2', 'ambiguous', 'warning'),
      f('S', 'A3', 'ambiguous', 'warning'),
      f('S', 'A4', 'overdue', 'error'),
    ]);
    expect(groups[0].codes.map((c) => [c.code, c.severity])).toEqual([
      ['overdue', 'error'],
      ['ambiguous', 'warning'],
    ]);
  });

  it('keeps every finding exactly once', () => {
    const all = Array.from({ length: 500 }, (_, i) =>
      f(`S${i % 7}`, `A${i + 2}`, (['required', 'type', 'overdue'] as const)[i % 3], (['error', 'warning', 'info'] as const)[i % 3]),
    );
    const flat = groupFindings(all).flatMap((g) => g.codes.flatMap((c) => c.findings));
    expect(flat).toHaveLength(all.length);
    expect(new Set(flat.map((x) => x.id)).size).toBe(all.length);
  });

  it('gives nothing for no findings', () => {
    expect(groupFindings([])).toEqual([]);
  });
});

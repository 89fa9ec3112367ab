import { FakeComment, FakeSheet, FakeWorkbookModel } from './model';

/**
 * Ctrl+Z after the add-in ran. Excel undoes what the add-in's last request did to cells (values,
 * formats, notes); it cannot undo deleting a sheet, and the fake keeps sheet names and the sheet list
 * as they are too, which is the hard case for the add-in: the cells of its state go back to the
 * previous write while the sheets it renamed keep their new names.
 */

/** Sheet fields that are structure, not cell content: undo leaves them alone. */
const STRUCTURE = new Set(['id', 'name', 'visibility']);

interface Snapshot {
  sheets: Map<string, Record<string, unknown>>;
  comments: FakeComment[];
}

/** Request operations that only read: a request made only of these changes nothing to undo. */
const READ_OPS = /\.(load|getCount|getCellProperties)$/;

/** Remembers the workbook's cells before each request that writes, so the last one can be undone. */
export class FakeUndo {
  enabled = false;
  private last: Snapshot | null = null;

  constructor(private readonly model: FakeWorkbookModel) {}

  /** Called by the host before a request's operations are applied. */
  beforeRequest(opNames: readonly string[]): void {
    if (!this.enabled || opNames.every((n) => READ_OPS.test(n))) return;
    const sheets = new Map<string, Record<string, unknown>>();
    for (const s of this.model.sheets) sheets.set(s.id, cellContent(s));
    this.last = { sheets, comments: structuredClone(this.model.comments) };
  }

  /** Puts back every sheet's cells as they were before the last writing request; false when there is none. */
  undoLast(): boolean {
    const snap = this.last;
    if (!snap) return false;
    this.last = null;
    for (const s of this.model.sheets) {
      const before = snap.sheets.get(s.id);
      if (before) Object.assign(s, before);
    }
    this.model.comments = snap.comments;
    return true;
  }
}

function cellContent(sheet: FakeSheet): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(sheet)) if (!STRUCTURE.has(key)) out[key] = structuredClone(value);
  return out;
}

import { parseCellAddress } from '../model/cells';
import { Day, today } from '../model/dates';
import { Finding, Severity } from '../model/findings';
import { buildFindingsSheet, FindingsSheetEntry } from './findings-sheet';
import { fmt, Lang } from '../model/i18n';
import { Mark, OwnedSheet, Plan } from './plan';
import { FINDINGS_TEXT, SEVERITY_TAGS } from './plan-messages';
import { Settings } from '../model/settings';
import { FindingSnapshot, isDecision, Review, StoredReview } from './review';

/** Lines of a note beyond which the rest is summarised: a note is for reading, not for a list. */
const MAX_NOTE_LINES = 20;

const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/**
 * Turns findings into marks (one per flagged cell, the worst severity wins, one note line per
 * finding) and the Findings sheet (every finding with its review; reviews of findings that are gone
 * are listed as Resolved), followed by the given owned sheets.
 * `findings` should arrive in reading order ({@link compareFindings}); marks and rows keep it.
 */
export function buildPlan(findings: Finding[], sheets: OwnedSheet[], settings: Settings, reviews: Map<string, Review>, asOf?: Day): Plan {
  const lang = settings.lang;
  const entries = findingsEntries(findings, reviews);
  // A note names the finding's number on the Findings sheet, so a reader can find its row.
  const numbers = new Map<string, number>();
  entries.forEach((e, i) => {
    if (e.current) numbers.set(e.id, i + 1);
  });
  const marks = buildMarks(findings, lang, numbers);
  const findingsSheet = buildFindingsSheet(entries, lang, asOf ?? settings.asOf ?? today());
  return { marks, sheets: [findingsSheet, ...sheets], reviews: decisionsOf(entries) };
}

/** The decisions the Findings sheet shows, with what each finding said, as the state keeps them. */
function decisionsOf(entries: readonly FindingsSheetEntry[]): StoredReview[] {
  const out: StoredReview[] = [];
  for (const e of entries) {
    if (!isDecision(e.review)) continue;
    const finding: FindingSnapshot = {
      code: e.code, severity: e.severity, sheet: e.sheet, cell: e.cell, row: e.row, message: e.message, expected: e.expected, actual: e.actual,
    };
    out.push({ id: e.id, ...e.review, finding });
  }
  return out;
}

/**
 * One note line: "#12 [error] amount-calc: Amount 100.00 ≠ Quantity × Unit Price = 120.00", where 12 is
 * the finding's number (# column) on the Findings sheet when it has one.
 */
export function noteLine(f: Pick<Finding, 'severity' | 'code' | 'message'>, lang: Lang, number?: number): string {
  return `${number !== undefined ? `#${number} ` : ''}[${SEVERITY_TAGS[f.severity][lang]}] ${f.code}: ${f.message}`;
}

/**
 * Merges findings into one mark per cell: the worst severity wins, the note lists every finding, each
 * with its number on the Findings sheet from `numbers` (by finding id).
 */
export function buildMarks(findings: readonly Finding[], lang: Lang, numbers: ReadonlyMap<string, number> = new Map()): Mark[] {
  const byCell = new Map<string, { mark: Mark; lines: string[] }>();
  for (const f of findings) {
    if (!parseCellAddress(f.cell)) continue;
    const key = `${f.sheet}\u0000${f.cell.toUpperCase()}`;
    let entry = byCell.get(key);
    if (!entry) {
      entry = { mark: { sheet: f.sheet, cell: f.cell.toUpperCase(), severity: f.severity, note: '', findingIds: [] }, lines: [] };
      byCell.set(key, entry);
    } else if (SEVERITY_RANK[f.severity] > SEVERITY_RANK[entry.mark.severity]) {
      entry.mark.severity = f.severity;
    }
    if (entry.mark.findingIds.includes(f.id)) continue;
    entry.mark.findingIds.push(f.id);
    entry.lines.push(noteLine(f, lang, numbers.get(f.id)));
  }
  const marks: Mark[] = [];
  for (const { mark, lines } of byCell.values()) {
    const shown = lines.length > MAX_NOTE_LINES ? lines.slice(0, MAX_NOTE_LINES - 1) : lines;
    if (shown.length < lines.length) shown.push(fmt(FINDINGS_TEXT.moreInNote, lang, { count: lines.length - shown.length }));
    mark.note = shown.join('\n');
    marks.push(mark);
  }
  return marks;
}

/**
 * The Findings sheet's rows: current findings in their order with their kept reviews (a finding
 * marked Resolved that is back is Open again), then findings of earlier runs that are gone, as Resolved.
 */
export function findingsEntries(findings: readonly Finding[], reviews: ReadonlyMap<string, Review>): FindingsSheetEntry[] {
  const entries: FindingsSheetEntry[] = [];
  const seen = new Set<string>();
  for (const f of findings) {
    if (seen.has(f.id)) continue;
    seen.add(f.id);
    const prev = reviews.get(f.id);
    const review: Review = prev
      ? { status: prev.status === 'resolved' ? 'open' : prev.status, reviewer: prev.reviewer, reviewedAt: prev.reviewedAt, comment: prev.comment }
      : { status: 'open', reviewer: '', reviewedAt: '', comment: '' };
    entries.push({
      id: f.id, severity: f.severity, code: f.code, sheet: f.sheet, cell: f.cell, row: f.row, message: f.message,
      expected: f.expected ?? null, actual: f.actual ?? null, review, current: true,
    });
  }
  const gone: FindingsSheetEntry[] = [];
  for (const [id, prev] of reviews) {
    if (seen.has(id)) continue;
    const s = prev.finding;
    gone.push({
      id, severity: s?.severity ?? null, code: s?.code ?? '', sheet: s?.sheet ?? '', cell: s?.cell ?? '', row: s?.row ?? 0,
      message: s?.message ?? '', expected: s?.expected ?? null, actual: s?.actual ?? null,
      review: { status: 'resolved', reviewer: prev.reviewer, reviewedAt: prev.reviewedAt, comment: prev.comment },
      current: false,
    });
  }
  gone.sort((a, b) => (a.sheet !== b.sheet ? (a.sheet < b.sheet ? -1 : 1) : a.row - b.row || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
  return entries.concat(gone);
}

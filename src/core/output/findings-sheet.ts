import { cellAddress, CellValue, cellText, isBlank, parseCellAddress, SheetGrid } from '../model/cells';
import { Day, dayToISO } from '../model/dates';
import { MONEY_FINDING_CODES, Severity } from '../model/findings';
import { PRODUCT_VERSION } from '../model/version';
import { fmt, Lang } from '../model/i18n';
import { ColumnSpec, OutCell, OwnedSheet } from './plan';
import type { FindingSnapshot, Review, ReviewStatus } from './review';
import {
  FINDINGS_COLUMNS, FINDINGS_HEADERS, FINDINGS_TEXT, FindingsColumn, findingsColumnOf, ownedSheetName,
  parseSeverityName, parseStatusName, SEVERITY_NAMES, STATUS_NAMES,
} from './plan-messages';

/** Excel's last row: the Findings table cannot go beyond it. */
export const EXCEL_MAX_ROWS = 1_048_576;

/** One row of the Findings sheet: a finding (current or vanished) with its review. */
export interface FindingsSheetEntry extends FindingSnapshot {
  id: string;
  review: Review;
  /** Still reported by this run: its row is coloured and its cell linked. */
  current: boolean;
}

const WIDTHS: Record<FindingsColumn, number> = {
  index: 6, severity: 10, code: 18, sheet: 16, cell: 9, message: 60, expected: 16, actual: 16,
  status: 12, reviewer: 14, reviewedAt: 18, comment: 30, findingId: 18,
};

/** A text constant inside a formula: quotes doubled. */
function quoted(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** Expected or actual as a cell: a number with the money format for amounts, else text. */
function valueCell(code: string, value: string | null): OutCell {
  if (value === null) return null;
  return MONEY_FINDING_CODES.has(code) && PLAIN_DECIMAL.test(value) ? { money: value } : value;
}

const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * The Findings sheet: a preamble (title, as-of date, the highlight legend and review counts as COUNTIF
 * formulas over the Severity and Status columns, how to review) and one row per entry with a link to
 * its cell, amounts as numbers, the message wrapped, and the review columns. Printed landscape on A4,
 * one page wide, the header repeated, a footer with page x of y, as-of date, file and version; the sheet
 * the workbook opens on. Entries beyond Excel's last row are left out and the preamble says so.
 */
export function buildFindingsSheet(entries: readonly FindingsSheetEntry[], lang: Lang, asOf: Day): OwnedSheet {
  const sevs: Severity[] = ['error', 'warning', 'info'];
  const statuses: ReviewStatus[] = ['open', 'explained', 'resolved', 'accepted'];
  const preambleLines = 6;
  // Room left under the preamble, the header and one more preamble line should we need it.
  const room = EXCEL_MAX_ROWS - preambleLines - 3;
  const shown = Math.min(entries.length, room);
  const truncated = shown < entries.length;
  const headerRow = preambleLines + (truncated ? 1 : 0) + 1;
  const first = headerRow + 1;
  const last = Math.max(first, headerRow + shown);
  const range = (col: FindingsColumn): string => {
    const j = FINDINGS_COLUMNS.indexOf(col);
    return `${cellAddress(first, j)}:${cellAddress(last, j)}`;
  };

  // Counts for the cached results; the formulas recount as reviewers change the Status column.
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const statusCounts: Record<ReviewStatus, number> = { open: 0, explained: 0, resolved: 0, accepted: 0 };
  for (const e of entries.slice(0, shown)) {
    if (e.severity && e.review.status !== 'resolved') counts[e.severity]++;
    statusCounts[e.review.status]++;
  }
  const resolved = STATUS_NAMES.resolved[lang];

  const preamble: OutCell[][] = [];
  const preambleSeverity: (Severity | null)[][] = [];
  const line = (cells: OutCell[], sev: (Severity | null)[] = []): void => {
    preamble.push(cells);
    preambleSeverity.push(cells.map((_, i) => sev[i] ?? null));
  };
  line([fmt(FINDINGS_TEXT.title, lang)]);
  line([fmt(FINDINGS_TEXT.asOf, lang), { date: asOf }]);
  line(
    [fmt(FINDINGS_TEXT.legend, lang), ...sevs.map((s): OutCell => {
      const name = SEVERITY_NAMES[s][lang];
      const label = fmt(FINDINGS_TEXT.severityCount, lang, { name, count: '' });
      return {
        formula: `${quoted(label)}&COUNTIFS(${range('severity')},${quoted(name)},${range('status')},${quoted(`<>${resolved}`)})`,
        result: fmt(FINDINGS_TEXT.severityCount, lang, { name, count: counts[s] }),
      };
    })],
    [null, ...sevs],
  );
  line([fmt(FINDINGS_TEXT.reviewLine, lang), ...statuses.map((st): OutCell => {
    const name = STATUS_NAMES[st][lang];
    const label = fmt(FINDINGS_TEXT.statusCount, lang, { name, count: '' });
    return { formula: `${quoted(label)}&COUNTIF(${range('status')},${quoted(name)})`, result: fmt(FINDINGS_TEXT.statusCount, lang, { name, count: statusCounts[st] }) };
  })]);
  line([fmt(FINDINGS_TEXT.howTo, lang)]);
  if (truncated) line([fmt(FINDINGS_TEXT.truncated, lang, { shown, total: entries.length })]);
  line([]);

  const columns: ColumnSpec[] = FINDINGS_COLUMNS.map((col) => {
    const spec: ColumnSpec = { header: FINDINGS_HEADERS[col][lang], width: WIDTHS[col], format: col === 'index' ? 'int' : col === 'expected' || col === 'actual' ? 'money' : 'text' };
    if (col === 'status') {
      spec.choices = statuses.map((st) => STATUS_NAMES[st][lang]);
      spec.choicesAlert = { title: fmt(FINDINGS_TEXT.statusAlertTitle, lang), message: fmt(FINDINGS_TEXT.statusAlert, lang, { list: spec.choices.join(lang === 'zh' ? '、' : ', ') }) };
    }
    if (col === 'message') spec.wrap = true;
    // The sheet is protected; only the review columns take input.
    if (col === 'status' || col === 'reviewer' || col === 'reviewedAt' || col === 'comment') spec.unlocked = true;
    return spec;
  });

  const rows: OutCell[][] = new Array(shown);
  const rowSeverity: (Severity | null)[] = new Array(shown);
  for (let i = 0; i < shown; i++) {
    const e = entries[i];
    const r = e.review;
    rows[i] = [
      i + 1,
      e.severity ? SEVERITY_NAMES[e.severity][lang] : null,
      e.code,
      e.sheet,
      e.current && e.cell ? { link: { text: e.cell, sheet: e.sheet, cell: e.cell } } : e.cell,
      e.message,
      valueCell(e.code, e.expected),
      valueCell(e.code, e.actual),
      STATUS_NAMES[r.status][lang],
      r.reviewer || null,
      r.reviewedAt || null,
      r.comment || null,
      e.id,
    ];
    rowSeverity[i] = e.current ? e.severity : null;
  }
  return {
    key: 'findings', name: ownedSheetName('findings', lang), preamble, preambleSeverity, columns, rows, rowSeverity,
    page: {
      paper: 'A4',
      orientation: 'landscape',
      fitToWidth: true,
      printTitleRows: { first: headerRow, last: headerRow },
      footer: {
        left: fmt(FINDINGS_TEXT.footerAsOf, lang, { date: dayToISO(asOf) }),
        center: fmt(FINDINGS_TEXT.footerPage, lang),
        right: `&F · ${fmt(FINDINGS_TEXT.footerVersion, lang, { version: PRODUCT_VERSION })}`,
      },
    },
    activate: true,
    protect: true,
  };
}

/**
 * Reads the review decisions back from a previous run's Findings sheet, in either language, by
 * finding id. The header row is found by its headers (the preamble above it may change between
 * versions); rows without an id are skipped; an unreadable status counts as Open.
 */
export function readReviews(grid: SheetGrid): Map<string, Review> {
  const reviews = new Map<string, Review>();
  const found = findHeader(grid);
  if (!found) return reviews;
  const { headerIndex, cols } = found;
  const text = (row: readonly CellValue[], col: FindingsColumn): string => {
    const j = cols.get(col);
    return j === undefined ? '' : cellText(row[j]).trim();
  };
  for (let i = headerIndex + 1; i < grid.rows.length; i++) {
    const row = grid.rows[i];
    if (!row || row.length === 0) continue;
    const id = text(row, 'findingId');
    if (id === '' || reviews.has(id)) continue;
    const reviewedAtCol = cols.get('reviewedAt');
    const rawAt = reviewedAtCol === undefined ? null : row[reviewedAtCol];
    const cell = text(row, 'cell');
    const snapshot: FindingSnapshot = {
      code: text(row, 'code'),
      severity: parseSeverityName(text(row, 'severity')),
      sheet: text(row, 'sheet'),
      cell,
      row: parseCellAddress(cell)?.row1 ?? 0,
      message: text(row, 'message'),
      expected: optional(text(row, 'expected')),
      actual: optional(text(row, 'actual')),
    };
    reviews.set(id, {
      status: parseStatusName(text(row, 'status')) ?? 'open',
      reviewer: text(row, 'reviewer'),
      reviewedAt: typeof rawAt === 'number' ? serialToDateTime(rawAt) : isBlank(rawAt) ? '' : cellText(rawAt).trim(),
      comment: text(row, 'comment'),
      finding: snapshot,
    });
  }
  return reviews;
}

function optional(s: string): string | null {
  return s === '' ? null : s;
}

function findHeader(grid: SheetGrid): { headerIndex: number; cols: Map<FindingsColumn, number> } | null {
  const limit = Math.min(grid.rows.length, 50);
  for (let i = 0; i < limit; i++) {
    const row = grid.rows[i] ?? [];
    const cols = new Map<FindingsColumn, number>();
    row.forEach((v, j) => {
      if (typeof v !== 'string') return;
      const col = findingsColumnOf(v);
      if (col && !cols.has(col)) cols.set(col, j);
    });
    if (cols.has('findingId') && cols.has('status')) return { headerIndex: i, cols };
  }
  return null;
}

/** "2024-03-05 14:30" for an Excel date-time serial a reviewer typed into the Reviewed At column. */
function serialToDateTime(serial: number): string {
  if (!Number.isFinite(serial) || serial < 1) return String(serial);
  let day = Math.floor(serial);
  let minutes = Math.round((serial - day) * 24 * 60);
  if (minutes >= 24 * 60) {
    day += 1;
    minutes = 0;
  }
  const date = dayToISO(day);
  if (minutes === 0) return date;
  const hh = String(Math.floor(minutes / 60) % 24).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${date} ${hh}:${mm}`;
}

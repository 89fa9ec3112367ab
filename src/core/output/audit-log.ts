import { CellValue, cellText, SheetGrid } from '../model/cells';
import { Bilingual, fmt, Lang } from '../model/i18n';
import { sha256Hex } from '../model/sha256';
import { Settings } from '../model/settings';
import { OutCell, OwnedSheet } from './plan';
import { ownedSheetName, STATUS_NAMES } from './plan-messages';
import { Review } from './review';

/**
 * The Audit Log (DESIGN.md "What it writes back"): one row per run and per review decision, never
 * rewritten, each carrying a SHA-256 over the previous row's hash and its own fields, so an edited,
 * inserted or deleted row breaks the chain at that row. The sheet is rebuilt on each run from the rows
 * read back, with the new rows appended.
 */

/** One row of the log; every field is text, written and read back as text so the hash input is stable. */
export interface AuditEntry {
  seq: string;
  time: string;
  event: string;
  user: string;
  file: string;
  asOf: string;
  findingId: string;
  status: string;
  details: string;
  settingsHash: string;
  hash: string;
}

/** The fields in column order; the hash covers all but itself. */
export const AUDIT_FIELDS = ['seq', 'time', 'event', 'user', 'file', 'asOf', 'findingId', 'status', 'details', 'settingsHash', 'hash'] as const;
type AuditField = (typeof AUDIT_FIELDS)[number];

export const AUDIT_TEXT = {
  title: { en: 'Audit Log (append-only; each row\'s SHA-256 chains over the row before)', zh: '审计日志（只增不改；每行的 SHA-256 链接上一行）' },
  run: { en: 'run', zh: '运行' },
  review: { en: 'review', zh: '复核' },
  runDetails: {
    en: 'errors {error}, warnings {warning}, info {info}; matches {matches}; customers {customers}',
    zh: '错误 {error}，警告 {warning}，提示 {info}；匹配 {matches}；客户 {customers}',
  },
} satisfies Record<string, Bilingual>;

export const AUDIT_HEADERS: Record<AuditField, Bilingual> = {
  seq: { en: '#', zh: '序号' },
  time: { en: 'Time (UTC)', zh: '时间（UTC）' },
  event: { en: 'Event', zh: '事项' },
  user: { en: 'User', zh: '操作人' },
  file: { en: 'File', zh: '文件' },
  asOf: { en: 'As of', zh: '截止日期' },
  findingId: { en: 'Finding ID', zh: '问题编号' },
  status: { en: 'Status', zh: '状态' },
  details: { en: 'Details', zh: '内容' },
  settingsHash: { en: 'Settings hash', zh: '设置摘要' },
  hash: { en: 'SHA-256', zh: 'SHA-256' },
};

/** The hash before the first row. */
export const GENESIS = '0'.repeat(64);

/** The row's hash: SHA-256 of the previous hash and the row's fields, separated by U+241F. */
export function auditHash(previous: string, entry: Omit<AuditEntry, 'hash'>): string {
  return sha256Hex([previous, ...AUDIT_FIELDS.filter((f) => f !== 'hash').map((f) => entry[f as Exclude<AuditField, 'hash'>])].join('\u241f'));
}

/** A short, stable digest of the settings (keys sorted), so a run says which settings it used. */
export function settingsHash(settings: Settings): string {
  const sorted = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sorted);
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted((v as Record<string, unknown>)[k])]));
    }
    return v;
  };
  return sha256Hex(JSON.stringify(sorted(settings))).slice(0, 16);
}

function norm(text: string): string {
  return text.replace(/[\s_\-:：（）()]/g, '').toLowerCase();
}

/** Where the table starts on an Audit Log grid: the header row (0-based) and each field's column. */
function locate(grid: SheetGrid): { header: number; cols: Map<AuditField, number> } | null {
  for (let r = 0; r < Math.min(grid.rows.length, 10); r++) {
    const cols = new Map<AuditField, number>();
    (grid.rows[r] ?? []).forEach((v, c) => {
      const text = norm(cellText(v));
      for (const f of AUDIT_FIELDS) if (text !== '' && (text === norm(AUDIT_HEADERS[f].en) || text === norm(AUDIT_HEADERS[f].zh))) cols.set(f, c);
    });
    if (cols.has('hash') && cols.has('seq')) return { header: r, cols };
  }
  return null;
}

/** A log row as read, with its 1-based sheet row. */
export interface AuditRow {
  row: number;
  entry: AuditEntry;
}

/** The log's rows as read from its sheet; null when the sheet has no Audit Log table. */
export function readAuditLog(grid: SheetGrid): AuditRow[] | null {
  const at = locate(grid);
  if (!at) return null;
  const out: AuditRow[] = [];
  const text = (v: CellValue | undefined): string => (typeof v === 'number' ? String(v) : cellText(v));
  for (let r = at.header + 1; r < grid.rows.length; r++) {
    const cells = grid.rows[r] ?? [];
    if (cells.every((v) => v === null || (typeof v === 'string' && v.trim() === ''))) continue;
    const entry = Object.fromEntries(AUDIT_FIELDS.map((f) => [f, text(cells[at.cols.get(f) ?? -1])])) as unknown as AuditEntry;
    out.push({ row: r + 1, entry });
  }
  return out;
}

/** Verify's verdict: intact with its row count, or the first row whose hash does not follow. */
export type AuditVerdict = { ok: true; rows: number } | { ok: false; row: number; seq: string } | { ok: false; missing: true };

/** Recomputes the chain over the rows as read; the first row whose stored hash differs is named. */
export function verifyAuditLog(rows: readonly AuditRow[] | null): AuditVerdict {
  if (rows === null) return { ok: false, missing: true };
  let previous = GENESIS;
  for (const { row, entry } of rows) {
    if (auditHash(previous, entry) !== entry.hash) return { ok: false, row, seq: entry.seq };
    previous = entry.hash;
  }
  return { ok: true, rows: rows.length };
}

/** Who ran, when, on which file: given by the caller, since core reads no clock and no file system. */
export interface RunInfo {
  /** ISO date-time in UTC. */
  time: string;
  user: string;
  file: string;
}

/** What a run appends: review decisions that changed since they were last logged, then the run itself. */
export interface RunRecord {
  info: RunInfo;
  asOf: string;
  counts: { error: number; warning: number; info: number; matches: number; customers: number };
  settings: Settings;
  reviews: ReadonlyMap<string, Review>;
}

/** The rows after appending a run's review decisions and the run, each chained to the one before. */
export function appendRun(previous: readonly AuditEntry[], run: RunRecord): AuditEntry[] {
  const lang = run.settings.lang;
  const out = [...previous];
  const settings = settingsHash(run.settings);
  // The last logged state of each finding's review, to log only decisions that changed.
  const logged = new Map<string, string>();
  for (const e of previous) if (e.findingId !== '') logged.set(e.findingId, `${e.status}\u241f${e.details}`);
  const push = (fields: Omit<AuditEntry, 'hash' | 'seq'>): void => {
    const prev = out.length ? out[out.length - 1] : null;
    const seq = String((prev && /^\d+$/.test(prev.seq) ? Number(prev.seq) : out.length) + 1);
    const entry = { seq, ...fields };
    out.push({ ...entry, hash: auditHash(prev ? prev.hash : GENESIS, entry) });
  };
  const ids = [...run.reviews.keys()].sort();
  for (const id of ids) {
    const r = run.reviews.get(id) as Review;
    const status = fmt(STATUS_NAMES[r.status], lang);
    const details = r.comment;
    const before = logged.get(id);
    if (before === undefined ? r.status === 'open' && r.comment === '' : before === `${status}\u241f${details}`) continue;
    push({
      time: r.reviewedAt !== '' ? r.reviewedAt : run.info.time, event: fmt(AUDIT_TEXT.review, lang), user: r.reviewer !== '' ? r.reviewer : run.info.user,
      file: run.info.file, asOf: run.asOf, findingId: id, status, details, settingsHash: settings,
    });
  }
  push({
    time: run.info.time, event: fmt(AUDIT_TEXT.run, lang), user: run.info.user, file: run.info.file, asOf: run.asOf, findingId: '', status: '',
    details: fmt(AUDIT_TEXT.runDetails, lang, run.counts), settingsHash: settings,
  });
  return out;
}

/** The Audit Log sheet: protected, every cell text. */
export function auditLogSheet(entries: readonly AuditEntry[], lang: Lang): OwnedSheet {
  const widths: Record<AuditField, number> = { seq: 6, time: 20, event: 8, user: 14, file: 22, asOf: 11, findingId: 18, status: 10, details: 48, settingsHash: 18, hash: 66 };
  return {
    key: 'audit-log',
    name: ownedSheetName('audit-log', lang),
    preamble: [[fmt(AUDIT_TEXT.title, lang)]],
    columns: AUDIT_FIELDS.map((f) => ({ header: fmt(AUDIT_HEADERS[f], lang), format: 'text' as const, width: widths[f] })),
    rows: entries.map((e): OutCell[] => AUDIT_FIELDS.map((f) => e[f])),
    protect: true,
  };
}

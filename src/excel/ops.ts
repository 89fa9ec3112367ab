import { Finding, Severity } from '../core/model/findings';
import { Lang } from '../core/model/i18n';
import type { ReviewStatus } from '../core/output/review';
import type { AuditVerdict } from '../core/output/audit-log';
import { TemplateKind } from '../core/templates/templates';

/**
 * The workbook operations the task pane calls. The task pane only ever receives these functions (as
 * props/context), so it runs in a browser test with the fake Excel and never calls Excel.run itself.
 */
export interface WorkbookOps {
  /** Reads the workbook, runs every check, writes highlights and the owned sheets. */
  check(options: CheckOptions): Promise<OpResult<CheckSummary>>;
  /** Removes every highlight and note the add-in wrote, restoring the cells exactly. */
  clear(): Promise<OpResult<ClearSummary>>;
  /** Recomputes the Audit Log's hash chain: intact, the first altered row, or no log at all. */
  verifyAudit(): Promise<OpResult<AuditVerdict>>;
  /** Activates the sheet and selects the cell of a finding. */
  select(sheet: string, cell: string): Promise<OpResult<void>>;
  /** The language Office displays in ("zh" for any Chinese). */
  displayLanguage(): Lang;
}

export interface CheckOptions {
  /** fraction in [0, 1] and a stage key ("read", "parse", "validate", "reconcile", "write", …). */
  onProgress?(fraction: number, stage: string): void;
  signal?: AbortSignal;
}

export interface CheckSummary {
  counts: Record<Severity, number>;
  findings: Finding[];
  sheets: { name: string; template: TemplateKind; rows: number }[];
  /** The visible name of the Findings sheet written ('' when nothing was written). */
  findingsSheet: string;
  /** Review decisions recorded on findings of this run, by finding id (kept through Clear and re-runs). */
  reviews: Record<string, ReviewDecision>;
  /** Things that may keep the user from seeing the results (absent or empty when there are none). */
  warnings?: RunWarning[];
}

/** A warning about a finished run, in the workbook's language; it never means the run failed. */
export interface RunWarning {
  /** Stable code, e.g. "ConditionalFormatOverHighlight". */
  code: string;
  message: string;
  /** The sheet it is about, when it is about one. */
  sheet?: string;
  /** How many cells it is about, when it counts cells. */
  cells?: number;
}

/** What a reviewer decided about a finding, as the pane shows it. */
export interface ReviewDecision {
  status: ReviewStatus;
  reviewer: string;
  reviewedAt: string;
  comment: string;
}

export interface ClearSummary {
  /** Cells whose original fill, font and note were put back. */
  restoredCells: number;
}

/**
 * Every Office failure ends as a value the user can act on: a message in their language and a stable
 * code (the Office error code where there is one, e.g. "InvalidOperationInCellEditMode").
 */
export type OpResult<T> = { ok: true; value: T } | { ok: false; code: string; message: string };

/**
 * Review decisions on findings: the reviewer's status, name, time and comment, and what the finding
 * said when it was last written. Kept apart from the plan so the Findings sheet and its messages can
 * use them without importing the plan builder.
 */
import { Severity } from '../model/findings';

/** Review status of a finding on the Findings sheet. */
export type ReviewStatus = 'open' | 'explained' | 'resolved' | 'accepted';

/** What a finding said when its row was last written, so a finding that disappears can still be listed. */
export interface FindingSnapshot {
  code: string;
  severity: Severity | null;
  sheet: string;
  cell: string;
  /** 1-based row of `cell`; 0 when unknown. */
  row: number;
  message: string;
  expected: string | null;
  actual: string | null;
}

/** A reviewer's decision on one finding, kept across runs by finding id. */
export interface Review {
  status: ReviewStatus;
  reviewer: string;
  /** ISO date-time text as the reviewer's sheet holds it. */
  reviewedAt: string;
  comment: string;
  /** The finding as the previous Findings sheet showed it (absent when the review came from elsewhere). */
  finding?: FindingSnapshot;
}

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

/** A review decision as the workbook's state keeps it, so Clear or a deleted Findings sheet never loses it. */
export interface StoredReview extends Review {
  /** The finding's stable id. */
  id: string;
}

/**
 * Whether a review records a person's decision worth keeping: a status other than Open or Resolved (the
 * add-in sets Resolved itself when a finding disappears), or a reviewer, time or comment.
 */
export function isDecision(r: Review): boolean {
  return r.status === 'explained' || r.status === 'accepted' || r.reviewer !== '' || r.reviewedAt !== '' || r.comment !== '';
}

/**
 * The reviews a run starts from: those kept in the state, overridden by id by what the Findings sheet
 * says now (the sheet is where reviewers edit, so it is the newer word; the state fills in what the
 * sheet no longer shows, after Clear or when the sheet was deleted).
 */
export function mergeReviews(stored: readonly StoredReview[] | undefined, fromSheet: ReadonlyMap<string, Review>): Map<string, Review> {
  const merged = new Map<string, Review>();
  for (const { id, ...review } of stored ?? []) merged.set(id, review);
  for (const [id, review] of fromSheet) merged.set(id, review);
  return merged;
}

/** The decisions among `reviews`, as the state stores them. */
export function storedDecisions(reviews: ReadonlyMap<string, Review>): StoredReview[] {
  const out: StoredReview[] = [];
  for (const [id, review] of reviews) if (isDecision(review)) out.push({ id, ...review });
  return out;
}

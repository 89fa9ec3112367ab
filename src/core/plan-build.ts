import { Finding } from './findings';
import { OwnedSheet, Plan } from './plan';
import { Settings } from './settings';

/** Review status of a finding on the Findings sheet. */
export type ReviewStatus = 'open' | 'explained' | 'resolved' | 'accepted';

/** A reviewer's decision on one finding, kept across runs by finding id. */
export interface Review {
  status: ReviewStatus;
  reviewer: string;
  /** ISO date-time text as the reviewer's sheet holds it. */
  reviewedAt: string;
  comment: string;
}

/**
 * Turns findings into marks (one per cell) and the Findings sheet, followed by the given owned sheets.
 * Placeholder until the Findings sheet lands.
 */
export function buildPlan(_findings: Finding[], sheets: OwnedSheet[], _settings: Settings, _reviews: Map<string, Review>): Plan {
  return { marks: [], sheets };
}

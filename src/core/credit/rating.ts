import { CreditRating } from '../model/records';

/**
 * The credit rating A–D from four explainable factors (DESIGN.md "Credit"). Each factor gets its own
 * grade from fixed thresholds, so a credit controller can see which one pulled a customer down; the
 * rating is the mean of the graded factors (A = 4 … D = 1), a tie rounded to the worse grade, and never
 * more than one grade better than the worst factor (one very bad factor is not averaged away).
 */

/** The factors, in the order they are shown. */
export type RatingFactorKey = 'days-late' | 'overdue-share' | 'oldest-overdue' | 'utilization';
export const RATING_FACTORS: readonly RatingFactorKey[] = ['days-late', 'overdue-share', 'oldest-overdue', 'utilization'];

/** A factor's measured value and its grade; both null when the data say nothing about it. */
export interface RatingFactor {
  factor: RatingFactorKey;
  /** Days (one decimal) or a ratio (four decimals) as a decimal string. */
  value: string | null;
  grade: CreditRating | null;
}

/**
 * Upper bounds (inclusive) of grades A, B and C for each factor; above the last is D.
 * Days late and oldest overdue in days; overdue share and utilization as fractions.
 */
export const FACTOR_THRESHOLDS: Record<RatingFactorKey, readonly [number, number, number]> = {
  'days-late': [5, 15, 45],
  'overdue-share': [0.1, 0.3, 0.6],
  'oldest-overdue': [15, 45, 90],
  utilization: [0.75, 0.9, 1],
};

const GRADES: readonly CreditRating[] = ['A', 'B', 'C', 'D'];
const POINTS: Record<CreditRating, number> = { A: 4, B: 3, C: 2, D: 1 };

/** The grade of one factor's value under its thresholds. */
export function gradeFactor(factor: RatingFactorKey, value: number): CreditRating {
  const t = FACTOR_THRESHOLDS[factor];
  for (let k = 0; k < t.length; k++) if (value <= t[k]) return GRADES[k];
  return 'D';
}

/** The measured inputs of the factors; null where there is nothing to measure. */
export interface FactorInputs {
  /** Amount-weighted mean days late over paid and overdue amounts. */
  daysLate: number | null;
  /** Overdue open amount / open receivables. */
  overdueShare: number | null;
  /** Days past due of the oldest overdue open amount (0 when none is overdue). */
  oldestOverdueDays: number | null;
  /** Exposure / credit limit. */
  utilization: number | null;
}

/** Each factor with its value and grade, in {@link RATING_FACTORS} order. */
export function ratingFactors(inputs: FactorInputs): RatingFactor[] {
  const values: Record<RatingFactorKey, number | null> = {
    'days-late': inputs.daysLate,
    'overdue-share': inputs.overdueShare,
    'oldest-overdue': inputs.oldestOverdueDays,
    utilization: inputs.utilization,
  };
  return RATING_FACTORS.map((factor) => {
    const v = values[factor];
    if (v === null || !Number.isFinite(v)) return { factor, value: null, grade: null };
    const shown = factor === 'days-late' ? v.toFixed(1) : factor === 'oldest-overdue' ? v.toFixed(0) : v.toFixed(4);
    // Grade the value as shown, so the sheet's number and its grade never disagree at a boundary.
    return { factor, value: shown, grade: gradeFactor(factor, Number(shown)) };
  });
}

/** The rating from graded factors; null when no factor could be graded. */
export function combineGrades(factors: readonly RatingFactor[]): CreditRating | null {
  const points = factors.flatMap((f) => (f.grade ? [POINTS[f.grade]] : []));
  if (points.length === 0) return null;
  const mean = points.reduce((a, b) => a + b, 0) / points.length;
  // Round half toward the worse grade: 3.5 (between A and B) is B.
  const rounded = Math.ceil(mean - 0.5);
  const capped = Math.min(rounded, Math.min(...points) + 1);
  return GRADES[4 - capped];
}

/** Grades apart: A vs C is 2. */
export function gradeGap(a: CreditRating, b: CreditRating): number {
  return Math.abs(POINTS[a] - POINTS[b]);
}

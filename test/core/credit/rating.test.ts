import { combineGrades, gradeFactor, RatingFactor, RatingFactorKey, ratingFactors } from '../../../src/core/credit/rating';
import { CreditRating } from '../../../src/core/model/records';

describe('gradeFactor', () => {
  it.each<[RatingFactorKey, number, CreditRating]>([
    ['days-late', 0, 'A'], ['days-late', 5, 'A'], ['days-late', 5.1, 'B'], ['days-late', 15, 'B'], ['days-late', 15.1, 'C'], ['days-late', 45, 'C'], ['days-late', 45.1, 'D'],
    ['overdue-share', 0, 'A'], ['overdue-share', 0.1, 'A'], ['overdue-share', 0.1001, 'B'], ['overdue-share', 0.3, 'B'], ['overdue-share', 0.6, 'C'], ['overdue-share', 0.6001, 'D'], ['overdue-share', 1, 'D'],
    ['oldest-overdue', 0, 'A'], ['oldest-overdue', 15, 'A'], ['oldest-overdue', 16, 'B'], ['oldest-overdue', 45, 'B'], ['oldest-overdue', 46, 'C'], ['oldest-overdue', 90, 'C'], ['oldest-overdue', 91, 'D'],
    ['utilization', 0, 'A'], ['utilization', 0.75, 'A'], ['utilization', 0.7501, 'B'], ['utilization', 0.9, 'B'], ['utilization', 1, 'C'], ['utilization', 1.0001, 'D'],
  ])('%s of %p grades %s', (factor, value, grade) => {
    expect(gradeFactor(factor, value)).toBe(grade);
  });
});

describe('combineGrades', () => {
  const f = (...grades: (CreditRating | null)[]): RatingFactor[] => grades.map((grade) => ({ factor: 'utilization', value: grade ? '0' : null, grade }));
  it.each<[(CreditRating | null)[], CreditRating | null]>([
    [['A', 'A', 'A', 'A'], 'A'],
    [['A', 'A', 'A', 'B'], 'A'],
    [['A', 'A', 'B', 'B'], 'B'],
    [['A', 'B', 'B', 'C'], 'B'],
    [['B', 'C', 'B', 'C'], 'C'],
    [['A', 'A', 'A', 'D'], 'C'],
    [['D', 'D', 'D', 'D'], 'D'],
    [['A', null, null, null], 'A'],
    [['C', null, 'A', null], 'B'],
    [[null, null, null, null], null],
  ])('%j gives %s', (grades, rating) => {
    expect(combineGrades(f(...grades))).toBe(rating);
  });
});

describe('ratingFactors', () => {
  it('shows each value as graded: days to one decimal, whole days, ratios to four places', () => {
    expect(ratingFactors({ daysLate: 12.345, overdueShare: 0.25, oldestOverdueDays: 40, utilization: 1.23456 })).toEqual([
      { factor: 'days-late', value: '12.3', grade: 'B' },
      { factor: 'overdue-share', value: '0.2500', grade: 'B' },
      { factor: 'oldest-overdue', value: '40', grade: 'B' },
      { factor: 'utilization', value: '1.2346', grade: 'D' },
    ]);
  });

  it('leaves a factor it cannot measure ungraded', () => {
    expect(ratingFactors({ daysLate: null, overdueShare: 0, oldestOverdueDays: 0, utilization: null }).map((x) => x.grade)).toEqual([null, 'A', 'A', null]);
  });
});

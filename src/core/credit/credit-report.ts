import { dayToISO } from '../model/dates';
import { centsToString, decimalString } from '../matching/match-amounts';
import { CustomerReport, TotalsReport } from '../output/report';
import { CreditReview } from './credit-review';

/** Cents per bucket as the report's `{bucket: amount}`. */
function agingRecord(labels: readonly string[], cents: readonly number[]): Record<string, string> {
  const out: Record<string, string> = {};
  labels.forEach((label, k) => {
    out[label] = centsToString(cents[k]);
  });
  return out;
}

/** The report's `customers[]` (DESIGN.md "Contracts"), money as decimal strings, in Customer ID order. */
export function creditCustomerReports(review: CreditReview): CustomerReport[] {
  return review.profiles.map((p) => ({
    customerId: p.customerId,
    name: p.name,
    balance: centsToString(p.balanceCents),
    exposure: centsToString(p.exposureCents),
    creditLimit: p.limit ? decimalString(p.limit) : null,
    utilization: p.utilization ? p.utilization.toDecimalPlaces(4).toFixed() : null,
    aging: agingRecord(review.bucketLabels, p.agingCents),
    overdue: centsToString(p.overdueCents),
    rating: p.rating,
    computedRating: p.computedRating,
    ratingFactors: p.factors.map((f) => ({ factor: f.factor, value: f.value, grade: f.grade })),
    dso: p.dso ? p.dso.toFixed(1) : null,
    flags: [...p.flags],
  }));
}

/** The report's `totals`. */
export function creditTotalsReport(review: CreditReview): TotalsReport {
  const t = review.totals;
  return {
    balance: centsToString(t.balanceCents),
    overdue: centsToString(t.overdueCents),
    aging: agingRecord(review.bucketLabels, t.agingCents),
    dso: t.dso ? t.dso.toFixed(1) : null,
    periodFrom: review.period ? dayToISO(review.period.from) : null,
  };
}

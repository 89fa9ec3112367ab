import { Day, dayToISO } from '../model/dates';
import { fmt, Lang } from '../model/i18n';
import { centsToString, decimalString } from '../matching/match-amounts';
import { CreditReview } from '../credit/credit-review';
import { FACTOR_NAMES } from '../credit/credit-messages';
import { CellStyle, ChartSpec, OutCell, OwnedSheet } from './plan';
import { ownedSheetName } from './plan-messages';
import { columnLetter } from '../model/cells';
import { largestFirst } from './top-n';

const HEAD: CellStyle = { bold: true, fill: 'D9D9D9', border: 'bottom', wrap: true };

/** Texts of the Aging and Credit sheets. */
const TEXT = {
  agingTitle: { en: 'Accounts receivable aging as of {date} (days past due)', zh: '应收账款账龄分析（截至 {date}，按逾期天数）' },
  creditTitle: { en: 'Credit control as of {date}; overall DSO {dso}', zh: '信用管理（截至 {date}）；整体应收账款周转天数 {dso}' },
  customer: { en: 'Customer ID', zh: '客户编号' },
  name: { en: 'Customer Name', zh: '客户名称' },
  total: { en: 'Total', zh: '合计' },
  balance: { en: 'Balance', zh: '余额' },
  limit: { en: 'Credit Limit', zh: '信用额度' },
  exposure: { en: 'Exposure', zh: '信用占用' },
  utilization: { en: 'Utilization', zh: '额度使用率' },
  overdue: { en: 'Overdue', zh: '逾期金额' },
  rating: { en: 'Rating', zh: '信用等级' },
  computed: { en: 'Computed rating', zh: '测算等级' },
  dso: { en: 'DSO (days)', zh: '周转天数' },
  flags: { en: 'Status', zh: '状态' },
  chart: { en: 'Top {n} customers by overdue balance', zh: '逾期余额前 {n} 名客户' },
  chartData: { en: 'Chart data: the top {n} customers by overdue balance, from the table above', zh: '图表数据：逾期余额前 {n} 名客户（取自上表）' },
  chartOne: { en: 'The customer with an overdue balance', zh: '有逾期余额的客户' },
  chartDataOne: { en: 'Chart data: the customer with an overdue balance, from the table above', zh: '图表数据：有逾期余额的客户（取自上表）' },
};

/**
 * The Aging sheet: customer × bucket with a total per customer and per bucket; below it the chart's
 * data, the top customers by overdue balance (formulas pointing at their table rows), and a stacked bar
 * chart of their overdue buckets. The table lists every customer with a balance; the chart only the
 * largest few, since a bar per customer cannot be read at a thousand customers.
 */
export function agingSheet(review: CreditReview, asOf: Day, lang: Lang): OwnedSheet {
  const t = (k: keyof typeof TEXT, p: Record<string, string | number> = {}): string => fmt(TEXT[k], lang, p);
  const labels = review.bucketLabels;
  const profiles = review.profiles.filter((p) => p.agingCents.some((c) => c !== 0));
  const rows: OutCell[][] = profiles.map((p) => [p.customerId, p.name, ...p.agingCents.map((c) => ({ money: centsToString(c) })), { money: centsToString(p.balanceCents) }]);
  // Header on sheet row 2 (one preamble row), data from row 3; totals are formulas over the column.
  const first = 3;
  const last = first + rows.length - 1;
  const sumCols = labels.length + 1;
  const totals: OutCell[] = [t('total'), null];
  for (let k = 0; k < sumCols; k++) {
    const col = columnLetter(2 + k);
    totals.push(rows.length ? { value: { formula: `SUM(${col}${first}:${col}${last})`, format: 'money' }, style: { bold: true, border: 'top' } } : { money: '0.00' });
  }
  rows.push(totals);
  const chart = topOverdueBlock(profiles, labels, first, rows, t);
  return {
    key: 'aging',
    name: ownedSheetName('aging', lang),
    preamble: [[t('agingTitle', { date: dayToISO(asOf) })]],
    columns: [
      { header: t('customer'), format: 'text', width: 12 },
      { header: t('name'), format: 'text', width: 30 },
      ...labels.map((l) => ({ header: l, format: 'money' as const, width: 14 })),
      { header: t('total'), format: 'money', width: 16 },
    ],
    rows,
    charts: chart ? [{ ...chart, from: `${columnLetter(labels.length + 4)}2`, to: `${columnLetter(labels.length + 12)}24` }] : [],
    protect: true,
  };
}

/**
 * Appends the Aging chart's data under the table (`rows`, whose data row i sits on sheet row
 * `first + i`): a blank row, a caption, a header row (customer, the overdue buckets, Overdue) and one row
 * per top customer by overdue balance, largest first, each cell a formula on the customer's table row so
 * the chart plainly draws the table's figures. An Excel chart takes one block of cells, and the table's
 * order stays as it is, hence the block. Returns the stacked bar chart over it, or null when nobody is
 * overdue.
 */
function topOverdueBlock(
  profiles: readonly CreditReview['profiles'][number][],
  labels: readonly string[],
  first: number,
  rows: OutCell[][],
  t: (k: keyof typeof TEXT, p?: Record<string, string | number>) => string,
): Omit<ChartSpec, 'from' | 'to'> | null {
  // Bucket 0 is Current (not yet due); the others are the overdue buckets, which add up to the overdue balance.
  const overdue = labels.slice(1);
  const top = largestFirst(profiles.map((p, i) => ({ p, r: first + i })), ({ p }) => p.overdueCents);
  if (top.length === 0 || overdue.length === 0) return null;
  const n = top.length;
  rows.push([]);
  rows.push([{ value: n === 1 ? t('chartDataOne') : t('chartData', { n }), style: { bold: true } }]);
  const head = first + rows.length;
  rows.push([t('customer'), t('name'), ...overdue, t('overdue')].map((h) => ({ value: h, style: HEAD })));
  const firstBucket = columnLetter(2);
  const lastBucket = columnLetter(1 + overdue.length);
  for (const { p, r } of top) {
    const at = first + rows.length;
    rows.push([
      { formula: `A${r}`, result: p.customerId },
      // A customer without a name is charted by its ID rather than as 0.
      { formula: `IF(B${r}="",A${r},B${r})`, result: p.name === '' ? p.customerId : p.name },
      ...overdue.map((_, k) => ({ formula: `${columnLetter(3 + k)}${r}`, format: 'money' as const, result: centsToString(p.agingCents[k + 1]) })),
      { formula: `SUM(${firstBucket}${at}:${lastBucket}${at})`, format: 'money', result: centsToString(p.overdueCents) },
    ]);
  }
  return { type: 'bar', stacked: true, firstOnTop: true, title: n === 1 ? t('chartOne') : t('chart', { n }), source: `B${head}:${lastBucket}${head + n}` };
}

/** The Credit sheet: limit, exposure, utilisation, overdue, rating and its factors, DSO and status per customer. */
export function creditSheet(review: CreditReview, asOf: Day, lang: Lang): OwnedSheet {
  const t = (k: keyof typeof TEXT, p: Record<string, string> = {}): string => fmt(TEXT[k], lang, p);
  const factorKeys = review.profiles[0]?.factors.map((f) => f.factor) ?? [];
  const rows: OutCell[][] = review.profiles.map((p) => [
    p.customerId, p.name, p.limit ? { money: decimalString(p.limit) } : null, { money: centsToString(p.exposureCents) },
    p.utilization ? p.utilization.toDecimalPlaces(4).toNumber() : null, { money: centsToString(p.overdueCents) }, p.rating, p.computedRating,
    ...p.factors.map((f) => (f.value === null ? null : `${f.value} (${f.grade})`)),
    p.dso ? p.dso.toNumber() : null, p.flags.join(', '),
  ]);
  return {
    key: 'credit',
    name: ownedSheetName('credit', lang),
    preamble: [[t('creditTitle', { date: dayToISO(asOf), dso: review.totals.dso ? review.totals.dso.toFixed(1) : '—' })]],
    columns: [
      { header: t('customer'), format: 'text', width: 12 },
      { header: t('name'), format: 'text', width: 30 },
      { header: t('limit'), format: 'money', width: 15 },
      { header: t('exposure'), format: 'money', width: 15 },
      { header: t('utilization'), format: 'percent', width: 11 },
      { header: t('overdue'), format: 'money', width: 15 },
      { header: t('rating'), format: 'text', width: 8 },
      { header: t('computed'), format: 'text', width: 10 },
      ...factorKeys.map((f) => ({ header: fmt(FACTOR_NAMES[f], lang), format: 'text' as const, width: 16 })),
      { header: t('dso'), width: 10 },
      { header: t('flags'), format: 'text', width: 36 },
    ],
    rows,
    protect: true,
  };
}

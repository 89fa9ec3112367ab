import { Day, dayToISO } from '../model/dates';
import { fmt, Lang } from '../model/i18n';
import { Decimal, Money } from '../model/money';
import { decimalString } from '../matching/match-amounts';
import { CellStyle, ChartSpec, ColumnFormat, OutCell, OutValue, OwnedSheet } from './plan';
import { ownedSheetName } from './plan-messages';
import { SalesSummary, SummaryFigures } from './sales-summary';
import { largestFirst } from './top-n';

/** Texts of the Sales Summary sheet. */
const TEXT = {
  title: { en: 'Sales summary as of {date}', zh: '销售汇总（截至 {date}）' },
  basis: {
    en: 'Net sales: the sales lines\' Amount (excl. tax), credit notes subtracted; receipts as received; records dated up to {date}.',
    zh: '销售净额：销售明细的不含税金额，已扣减红字冲销（贷项）；收款按实收金额；统计截至 {date} 的记录。',
  },
  leftOut: {
    en: '{sales} sales lines and {receipts} receipts without a date or amount, or dated after {date}, are left out.',
    zh: '未计入：{sales} 行销售和 {receipts} 笔收款（缺少日期或金额，或日期晚于 {date}）。',
  },
  byCustomer: { en: 'By customer', zh: '按客户' },
  byMonth: { en: 'By month', zh: '按月' },
  byQuarter: { en: 'By quarter (subtotals of the months)', zh: '按季度（各月小计）' },
  byYear: { en: 'By year (subtotals of the months)', zh: '按年度（各月合计）' },
  byCategory: { en: 'By product category', zh: '按产品类别' },
  noCategory: { en: 'No category column: no sales sheet has a Category (产品类别) column, so sales are not split by category.', zh: '无产品类别列：销售表中没有"产品类别"（Category）列，无法按类别汇总。' },
  noDated: { en: 'No sales or receipts dated up to {date}.', zh: '截至 {date} 无销售或收款记录。' },
  customerId: { en: 'Customer ID', zh: '客户编号' },
  customerName: { en: 'Customer Name', zh: '客户名称' },
  quarter: { en: 'Quarter', zh: '季度' },
  month: { en: 'Month', zh: '月份' },
  year: { en: 'Year', zh: '年度' },
  category: { en: 'Category', zh: '产品类别' },
  net: { en: 'Net Sales', zh: '销售净额' },
  invoices: { en: 'Invoices', zh: '发票张数' },
  creditNotes: { en: 'Credit Notes', zh: '红字冲销张数' },
  lines: { en: 'Lines', zh: '明细行数' },
  receipts: { en: 'Receipts', zh: '收款金额' },
  share: { en: 'Share', zh: '占比' },
  total: { en: 'Total', zh: '合计' },
  noCustomer: { en: '(no customer ID)', zh: '（无客户编号）' },
  uncategorised: { en: '(no category)', zh: '（未分类）' },
  quarterLabel: { en: '{year} Q{q}', zh: '{year}年第{q}季度' },
  yearLabel: { en: '{year}', zh: '{year}年' },
  chartCustomers: { en: 'Top {n} customers by net sales', zh: '销售净额前 {n} 名客户' },
  chartCustomersOne: { en: 'Net sales of the one customer', zh: '唯一客户的销售净额' },
  chartMonths: { en: 'Net sales by month', zh: '各月销售净额' },
  chartCategories: { en: 'Net sales by product category', zh: '各产品类别销售净额' },
};

const SECTION: CellStyle = { bold: true, size: 12 };
const HEAD: CellStyle = { bold: true, fill: 'D9D9D9', border: 'bottom', wrap: true };
const TOTAL: CellStyle = { bold: true, border: 'top' };
const SUBTOTAL: CellStyle = { bold: true };

/** The sheet's columns: A key, B label (the charts' categories), C net sales (the charts' values), D–G figures. */
const COLUMNS: { width: number; format: ColumnFormat }[] = [
  { width: 14, format: 'text' },
  { width: 30, format: 'text' },
  { width: 16, format: 'money' },
  { width: 11, format: 'int' },
  { width: 13, format: 'int' },
  { width: 16, format: 'money' },
  { width: 10, format: 'percent' },
];

/** Where the charts sit: right of the tables, one under the other. */
const CHART_FROM_COL = 'I';
const CHART_TO_COL = 'P';
const CHART_ROWS = 18;

function money(m: Money): OutValue {
  return { money: decimalString(m) };
}

function styled(value: OutValue, style: CellStyle | undefined): OutCell {
  return style ? { value, style } : value;
}

/** A share as its cached value: the fraction, to 6 places (the sheet shows 0.0 %). */
function share(part: Money, whole: Money): number {
  return whole.isZero() ? 0 : part.dividedBy(whole).toDecimalPlaces(6).toNumber();
}

function monthLabel(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

/**
 * The Sales Summary sheet: by customer (net sales, invoices, credit notes, receipts, share), by month
 * with quarter and year subtotals (formulas over the month rows, their values cached), by product
 * category (or a line saying the data has no category column), each section with a total row of
 * formulas; a bar chart of the top customers, a column chart by month and a pie (bar when a category
 * nets negative) by category.
 */
export function salesSummarySheet(summary: SalesSummary, asOf: Day, lang: Lang): OwnedSheet {
  const t = (k: keyof typeof TEXT, p: Record<string, string | number> = {}): string => fmt(TEXT[k], lang, p);
  const date = dayToISO(asOf);
  const rows: OutCell[][] = [];
  const charts: ChartSpec[] = [];
  /** Appends a row and returns its 1-based sheet row. */
  const line = (cells: OutCell[]): number => {
    rows.push(cells);
    return rows.length;
  };
  const heading = (cells: string[]): number => line(cells.map((c) => styled(c, HEAD)));
  const formula = (f: string, format: ColumnFormat, result: string | number, style?: CellStyle): OutCell =>
    styled({ formula: f, format, result }, style);
  /** C–F of a row of figures, as values. */
  const figures = (f: SummaryFigures): OutCell[] => [money(f.net), f.invoices, f.creditNotes, money(f.receipts)];
  /** C–F as sums over rows first..last (1-based), with the figures as their cached values. */
  const sums = (first: number, last: number, f: SummaryFigures, style?: CellStyle): OutCell[] => [
    formula(`SUM(C${first}:C${last})`, 'money', decimalString(f.net), style),
    formula(`SUM(D${first}:D${last})`, 'int', f.invoices, style),
    formula(`SUM(E${first}:E${last})`, 'int', f.creditNotes, style),
    formula(`SUM(F${first}:F${last})`, 'money', decimalString(f.receipts), style),
  ];
  /** G: this row's net sales over the total row's. */
  const shareOf = (row: number, totalRow: number, part: Money, whole: Money, style?: CellStyle): OutCell =>
    formula(`IF(C$${totalRow}=0,0,C${row}/C$${totalRow})`, 'percent', share(part, whole), style);
  const chartAt = (spec: Omit<ChartSpec, 'from' | 'to'>): void => {
    const top = 1 + charts.length * (CHART_ROWS + 1);
    charts.push({ ...spec, from: `${CHART_FROM_COL}${top}`, to: `${CHART_TO_COL}${top + CHART_ROWS - 1}` });
  };
  const total = summary.total;

  line([styled(t('title', { date }), { bold: true, size: 14 })]);
  line([t('basis', { date })]);
  if (summary.salesLeftOut > 0 || summary.receiptsLeftOut > 0) line([t('leftOut', { sales: summary.salesLeftOut, receipts: summary.receiptsLeftOut, date })]);

  // By customer: every customer, largest net sales first.
  line([]);
  line([styled(t('byCustomer'), SECTION)]);
  const customerHead = heading([t('customerId'), t('customerName'), t('net'), t('invoices'), t('creditNotes'), t('receipts'), t('share')]);
  const firstCustomer = customerHead + 1;
  const customerTotal = firstCustomer + summary.customers.length;
  for (const c of summary.customers) {
    const r = line([c.customerId === '' ? t('noCustomer') : c.customerId, c.name, ...figures(c), null]);
    rows[r - 1][6] = shareOf(r, customerTotal, c.net, total.net);
  }
  if (summary.customers.length > 0) {
    line([styled(t('total'), TOTAL), styled(null, TOTAL), ...sums(firstCustomer, customerTotal - 1, total, TOTAL), formula(`SUM(G${firstCustomer}:G${customerTotal - 1})`, 'percent', total.net.isZero() ? 0 : 1, TOTAL)]);
    // The table is largest first already, so the top customers are its first rows.
    const top = largestFirst(summary.customers, (c) => c.net).length;
    if (top > 0) chartAt({ type: 'bar', firstOnTop: true, title: top === 1 ? t('chartCustomersOne') : t('chartCustomers', { n: top }), source: `B${customerHead}:C${customerHead + top}` });
  }

  // By month, then the quarter and year subtotals as formulas over the month rows.
  line([]);
  line([styled(t('byMonth'), SECTION)]);
  if (summary.months.length === 0) {
    line([t('noDated', { date })]);
  } else {
    const monthHead = heading([t('quarter'), t('month'), t('net'), t('invoices'), t('creditNotes'), t('receipts'), t('share')]);
    const firstMonth = monthHead + 1;
    const monthTotal = firstMonth + summary.months.length;
    summary.months.forEach((m, i) => {
      const r = firstMonth + i;
      line([t('quarterLabel', { year: m.year, q: Math.ceil(m.month / 3) }), monthLabel(m.year, m.month), ...figures(m), shareOf(r, monthTotal, m.net, total.net)]);
    });
    line([styled(t('total'), TOTAL), styled(null, TOTAL), ...sums(firstMonth, monthTotal - 1, total, TOTAL), formula(`SUM(G${firstMonth}:G${monthTotal - 1})`, 'percent', total.net.isZero() ? 0 : 1, TOTAL)]);
    chartAt({ type: 'column', title: t('chartMonths'), source: `B${monthHead}:C${monthTotal - 1}` });

    /** Consecutive month rows grouped by a key (quarter or year), each group's first and last row and figures. */
    const groups = (keyOf: (year: number, month: number) => string): { key: string; year: number; first: number; last: number; f: SummaryFigures }[] => {
      const out: { key: string; year: number; first: number; last: number; f: SummaryFigures }[] = [];
      summary.months.forEach((m, i) => {
        const key = keyOf(m.year, m.month);
        const g = out[out.length - 1];
        if (g && g.key === key) {
          g.last = firstMonth + i;
          g.f = { net: g.f.net.plus(m.net), invoices: g.f.invoices + m.invoices, creditNotes: g.f.creditNotes + m.creditNotes, receipts: g.f.receipts.plus(m.receipts) };
        } else {
          out.push({ key, year: m.year, first: firstMonth + i, last: firstMonth + i, f: { net: m.net, invoices: m.invoices, creditNotes: m.creditNotes, receipts: m.receipts } });
        }
      });
      return out;
    };
    line([]);
    line([styled(t('byQuarter'), SECTION)]);
    heading([t('year'), t('quarter'), t('net'), t('invoices'), t('creditNotes'), t('receipts'), t('share')]);
    for (const g of groups((y, m) => t('quarterLabel', { year: y, q: Math.ceil(m / 3) }))) {
      const r = rows.length + 1;
      line([t('yearLabel', { year: g.year }), styled(g.key, SUBTOTAL), ...sums(g.first, g.last, g.f), shareOf(r, monthTotal, g.f.net, total.net)]);
    }
    line([]);
    line([styled(t('byYear'), SECTION)]);
    heading(['', t('year'), t('net'), t('invoices'), t('creditNotes'), t('receipts'), t('share')]);
    for (const g of groups((y) => t('yearLabel', { year: y }))) {
      const r = rows.length + 1;
      line([null, styled(g.key, SUBTOTAL), ...sums(g.first, g.last, g.f), shareOf(r, monthTotal, g.f.net, total.net)]);
    }
  }

  // By product category, or why not.
  line([]);
  line([styled(t('byCategory'), SECTION)]);
  const categories = summary.categories;
  if (categories === null) {
    line([styled(t('noCategory'), { italic: true })]);
  } else if (categories.length > 0) {
    const catHead = heading(['', t('category'), t('net'), t('lines'), '', '', t('share')]);
    const firstCat = catHead + 1;
    const catTotal = firstCat + categories.length;
    const catNet = categories.reduce((s, c) => s.plus(c.net), new Decimal(0));
    categories.forEach((c, i) => {
      line([null, c.category === '' ? t('uncategorised') : c.category, money(c.net), c.lines, null, null, shareOf(firstCat + i, catTotal, c.net, catNet)]);
    });
    const lines = categories.reduce((n, c) => n + c.lines, 0);
    line([styled(t('total'), TOTAL), styled(null, TOTAL), formula(`SUM(C${firstCat}:C${catTotal - 1})`, 'money', decimalString(catNet), TOTAL), formula(`SUM(D${firstCat}:D${catTotal - 1})`, 'int', lines, TOTAL), styled(null, TOTAL), styled(null, TOTAL), formula(`SUM(G${firstCat}:G${catTotal - 1})`, 'percent', catNet.isZero() ? 0 : 1, TOTAL)]);
    // A pie cannot show a negative slice: a category netting below zero gets bars instead.
    const type = categories.every((c) => c.net.gt(0)) ? 'pie' : 'bar';
    chartAt({ type, title: t('chartCategories'), source: `B${catHead}:C${catTotal - 1}` });
  } else {
    line([t('noDated', { date })]);
  }

  const headers = [t('customerId'), t('customerName'), t('net'), t('invoices'), t('creditNotes'), t('receipts'), t('share')];
  return {
    key: 'sales-summary',
    name: ownedSheetName('sales-summary', lang),
    columns: COLUMNS.map((c, j) => ({ header: headers[j], width: c.width, format: c.format })),
    headerRow: false,
    rows,
    freezeRows: 0,
    charts,
    protect: true,
  };
}
